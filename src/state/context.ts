import { getContext, setContext } from 'svelte';
import type { SiteMeta } from '../data/site-meta.ts';
import type { Coordinator } from '../core/coordinator.ts';
import type { Route } from './route.ts';
import type { ViewState } from './view-state.ts';

export interface AppContext {
  readonly meta: SiteMeta;
  readonly coordinator: Coordinator;
  /** href for a route and view, relative to the site root (works under a sub-path) */
  href(route: Route, view?: Partial<ViewState>): string;
  /** changes route/view without reloading; pushes a history entry */
  navigate(route: Route, view?: Partial<ViewState>, replace?: boolean): void;
  /**
   * changes the view of the page the visitor is on, worked out from the live view (a history entry);
   * for parts that may show a lagging page (an off-screen panel catching up with a change)
   */
  changeView(update: (view: ViewState) => Partial<ViewState>): void;
  readonly view: ViewState;
  /** URL of the site root, e.g. "https://example.se/nyckeltal/" or "../../" while prerendering */
  readonly root: string;
}

const KEY = Symbol('app');
export const setApp = (c: AppContext) => setContext(KEY, c);
export const getApp = () => getContext<AppContext>(KEY);
