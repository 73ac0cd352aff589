import type { Component } from 'svelte';
import type { Route } from '../app/route.ts';
import OmDataPage from './OmDataPage.svelte';
import TillganglighetPage from './TillganglighetPage.svelte';
import EgnaDataPage from './EgnaDataPage.svelte';
import ReportPage from '../report/ReportPage.svelte';
import RankingPage from './RankingPage.svelte';

/** Pages beyond start and kommun, by route name; each takes the route as its only prop. */
export const pageComponents: Partial<Record<Route['page'], Component<{ route?: Route }>>> = {
  'om-data': OmDataPage,
  tillganglighet: TillganglighetPage,
  'egna-data': EgnaDataPage,
  rapport: ReportPage,
  rangordning: RankingPage,
};
