import { fragmentId, parseRoute, routePath, type Route } from '../state/route.ts';
import { DEFAULT_VIEW, parseView, serializeView, type ViewState } from '../state/view-state.ts';

/** Route and view state from the URL; history entries for every change, back/forward restore them. */
export class Router {
  // Replaced whole on every change, never mutated: raw state spares a deep proxy per navigation.
  route = $state.raw<Route>({ page: 'start' });
  view = $state.raw<ViewState>(DEFAULT_VIEW);
  /** "../../" while matching server-rendered markup, then the absolute root path */
  root = $state('/');

  constructor(
    root: string,
    private readonly rootPath: string,
  ) {
    this.root = root;
    this.read();
    addEventListener('popstate', () => this.read());
  }

  /** Switches links from the prerendered relative root to the absolute one (after hydration). */
  useAbsoluteRoot() {
    this.root = this.rootPath;
  }

  href = (route: Route, view: Partial<ViewState> = {}) => this.root + routePath(route) + serializeView({ ...DEFAULT_VIEW, ...view });

  navigate = (route: Route, view: Partial<ViewState> = {}, replace = false) => {
    const samePage = JSON.stringify(route) === JSON.stringify(this.route);
    const next = { ...this.view, ...view };
    const url = this.rootPath + routePath(route) + serializeView(next);
    history[replace && samePage ? 'replaceState' : 'pushState'](null, '', url);
    this.route = route;
    this.view = next;
    if (!samePage) {
      scrollTo(0, 0);
      queueMicrotask(() => document.getElementById('main')?.focus({ preventScroll: true }));
    }
  };

  changeView = (update: (view: ViewState) => Partial<ViewState>) => this.navigate(this.route, update(this.view));

  /** Navigates to a path relative to the root (from an intercepted link). */
  navigateToPath(pathAndQuery: string) {
    const url = new URL(pathAndQuery, 'http://x/');
    history.pushState(null, '', this.rootPath + pathAndQuery);
    this.route = parseRoute(url.pathname);
    this.view = parseView(url.search);
    if (url.hash) document.getElementById(fragmentId(url.hash))?.scrollIntoView();
    else {
      scrollTo(0, 0);
      queueMicrotask(() => document.getElementById('main')?.focus({ preventScroll: true }));
    }
  }

  private read() {
    const rel = location.pathname.startsWith(this.rootPath) ? location.pathname.slice(this.rootPath.length) : location.pathname;
    this.route = parseRoute(rel);
    this.view = parseView(location.search);
  }
}
