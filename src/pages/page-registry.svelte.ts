import type { Component } from 'svelte';
import type { Route } from '../state/route.ts';

type PageComponent = Component<{ route?: Route }>;

/**
 * Pages beyond start and kommun, by route name, loaded on demand so the first page downloads only
 * what it shows. The server renderer and the browser (before hydrating) load the current page first.
 */
const loaders: Partial<Record<Route['page'], () => Promise<{ default: PageComponent }>>> = {
  'om-data': () => import('./OmDataPage.svelte'),
  tillganglighet: () => import('./TillganglighetPage.svelte'),
  'egna-data': () => import('./EgnaDataPage.svelte'),
  rapport: () => import('./report/ReportPage.svelte'),
  rangordning: () => import('./RankingPage.svelte'),
};

const loaded = $state<Partial<Record<Route['page'], PageComponent>>>({});

export function isLazyPage(page: Route['page']): boolean {
  return page in loaders;
}

export function loadedPage(page: Route['page']): PageComponent | undefined {
  return loaded[page];
}

export async function loadPage(page: Route['page']): Promise<void> {
  const load = loaders[page];
  if (load && !loaded[page]) loaded[page] = (await load()).default;
}

export function loadAllPages(): Promise<void[]> {
  return Promise.all(Object.keys(loaders).map((p) => loadPage(p as Route['page'])));
}
