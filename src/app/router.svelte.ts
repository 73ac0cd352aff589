import { fragmentId, parseRoute, pathBelowRoot, routePath, type Route } from '../state/route.ts';
import { DEFAULT_VIEW, parseView, serializeView, type ViewState } from '../state/view-state.ts';

/** A history write waits this long at most when no frame comes (a hidden tab draws none). */
const HISTORY_FALLBACK_MS = 200;

/**
 * Moves focus to the new page's main content (screen readers start reading there) once it is drawn:
 * focusing it in the same task would make the browser work out the styles of the page being built
 * before the frame that does so anyway.
 */
function focusMainAfterFrame(): void {
  requestAnimationFrame(() => setTimeout(() => document.getElementById('main')?.focus({ preventScroll: true }), 0));
}

/** Whether the window is scrolled away from the top left: a position that leaving the entry would lose. */
const scrolled = () => scrollX !== 0 || scrollY !== 0;

/**
 * Route and view state from the URL; history entries for every change, back/forward restore them.
 *
 * A control change on the same page sets the state at once and writes its history entry just after the
 * next frame: pushState is not free in Chromium (a few ms, more with DevTools attached) and nothing on
 * screen depends on it. The next input (pointer, key, click) writes pending entries first, so what reads
 * `location` then (the copy-link button, the link interceptor) sees the current URL. A move to another
 * page from a scrolled window (or to a fragment) writes at once, before it scrolls: the entry it leaves
 * keeps the visitor's scroll position for Back. From the top of the page there is none to keep, and the
 * write waits for the frame like a control change (a kommun picked in the header or a link there).
 */
export class Router {
  // Replaced whole on every change, never mutated: raw state spares a deep proxy per navigation.
  route = $state.raw<Route>({ page: 'start' });
  view = $state.raw<ViewState>(DEFAULT_VIEW);
  /** "../../" while matching server-rendered markup, then the absolute root path */
  root = $state('/');
  private pending: { url: string; replace: boolean }[] = [];
  private scheduled = false;

  constructor(
    root: string,
    private readonly rootPath: string,
  ) {
    this.root = root;
    this.read();
    addEventListener('popstate', () => {
      // entries not yet written described states the visitor has just left
      this.pending = [];
      this.read();
    });
    for (const kind of ['pointerdown', 'keydown', 'click'] as const) addEventListener(kind, () => this.flushHistory(), { capture: true });
    addEventListener('pagehide', () => this.flushHistory());
  }

  /** Writes the history entries of changes made since the last frame (normally done just after it). */
  private flushHistory() {
    for (const { url, replace } of this.pending.splice(0)) history[replace ? 'replaceState' : 'pushState'](null, '', url);
  }

  private record(url: string, replace: boolean, now: boolean) {
    this.pending.push({ url, replace });
    if (now) return this.flushHistory();
    if (this.scheduled) return;
    this.scheduled = true;
    const write = () => {
      if (!this.scheduled) return;
      this.scheduled = false;
      this.flushHistory();
    };
    requestAnimationFrame(() => setTimeout(write, 0));
    setTimeout(write, HISTORY_FALLBACK_MS);
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
    this.record(url, replace && samePage, !samePage && scrolled());
    this.route = route;
    this.view = next;
    if (!samePage) {
      scrollTo(0, 0);
      focusMainAfterFrame();
    }
  };

  changeView = (update: (view: ViewState) => Partial<ViewState>) => this.navigate(this.route, update(this.view));

  /** Navigates to a path relative to the root (from an intercepted link). */
  navigateToPath(pathAndQuery: string) {
    const url = new URL(pathAndQuery, 'http://x/');
    this.record(this.rootPath + pathAndQuery, false, Boolean(url.hash) || scrolled());
    this.route = parseRoute(url.pathname);
    this.view = parseView(url.search);
    if (url.hash) document.getElementById(fragmentId(url.hash))?.scrollIntoView();
    else {
      scrollTo(0, 0);
      focusMainAfterFrame();
    }
  }

  private read() {
    this.route = parseRoute(pathBelowRoot(location.pathname, this.rootPath));
    this.view = parseView(location.search);
  }
}
