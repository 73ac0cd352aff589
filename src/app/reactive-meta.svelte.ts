import type { SiteMeta } from '../data/site-meta.ts';

/** The site meta as deep state, so KPIs added at run time (imported data) show up in every page. */
export function reactiveMeta(meta: SiteMeta): SiteMeta {
  const state = $state(meta);
  return state;
}
