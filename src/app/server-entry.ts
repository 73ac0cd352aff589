import { render } from 'svelte/server';
import App from './App.svelte';
import { routePath, type Route } from '../state/route.ts';
import { DEFAULT_VIEW, serializeView, type ViewState } from '../state/view-state.ts';
import type { SiteMeta } from '../data/site-meta.ts';
import { Coordinator } from '../core/coordinator.ts';

export { Coordinator };
export { loadAllPages } from '../pages/page-registry.svelte.ts';
export { provideMapTopology } from '../charts/map/map-data.svelte.ts';

/** Server-renders one page; links are relative to `root` so the output works under any sub-path. */
export function renderPage(a: { meta: SiteMeta; coordinator: Coordinator; route: Route; view?: ViewState; root: string }): {
  head: string;
  body: string;
} {
  const view = a.view ?? DEFAULT_VIEW;
  const r = render(App, {
    props: {
      meta: a.meta,
      coordinator: a.coordinator,
      route: a.route,
      view,
      root: a.root,
      href: (route: Route, v: Partial<ViewState> = {}) => a.root + routePath(route) + serializeView({ ...DEFAULT_VIEW, ...v }),
      navigate: () => {},
      changeView: () => {},
    },
  });
  return { head: r.head, body: r.body };
}
