import type { Route } from '../state/route.ts';

/** The part of the coordinator warming needs: starting the shared engine (idempotent). */
interface Startable {
  start(): Promise<unknown>;
}

/** Pages whose controls need DuckDB-wasm right away; elsewhere the engine waits for a first interaction. */
const ENGINE_PAGES: ReadonlySet<Route['page']> = new Set(['kommun', 'rapport', 'rangordning', 'egna-data']);

export type WarmPolicy = 'after-paint' | 'interaction';

/**
 * When to download and start DuckDB-wasm (~24 MB wasm as built + the values pieces). Never before first paint:
 * the prerendered HTML already shows the default view. On pages with controls we start right after
 * the first frame is painted (not on an idle callback, which may wait seconds) so the first change is quick; on reading pages (start, Om data …) and with
 * Save-Data we wait until the visitor touches a control, so a visit that only reads costs nothing.
 */
export function warmPolicy(page: Route['page'], saveData: boolean): WarmPolicy {
  return ENGINE_PAGES.has(page) && !saveData ? 'after-paint' : 'interaction';
}

/** warmPolicy for this browser (Save-Data read from the connection). */
export function browserWarmPolicy(page: Route['page']): WarmPolicy {
  return warmPolicy(page, Boolean((navigator as { connection?: { saveData?: boolean } }).connection?.saveData));
}

/** Runs f right after the next frame is painted; returns a cancel function. */
export function afterPaint(f: () => void): () => void {
  // The rAF callback runs before the next paint; a task queued from it runs after that paint.
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(f, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => (timer = setTimeout(f, 0)));
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** Runs f at once when the page has painted already (the module scripts ran after it), else as afterPaint. */
export function afterFirstPaint(f: () => void): () => void {
  if (typeof performance !== 'undefined' && performance.getEntriesByType?.('paint').length) {
    f();
    return () => {};
  }
  return afterPaint(f);
}

const INTERACTION_EVENTS = ['pointerdown', 'keydown', 'focusin', 'touchstart'] as const;

/** Schedules warming for the current page; returns a cleanup that cancels what has not fired yet. */
export function warmEngine(coordinator: Startable, page: Route['page']): () => void {
  let done = false;
  const start = () => {
    if (done) return;
    done = true;
    cleanup();
    coordinator.start().catch(() => {});
  };
  const onInteraction = (e: Event) => {
    const el = e.target as Element | null;
    if (el?.closest?.('form, select, input, button, [data-needs-engine]')) start();
  };
  const cancelPaint = browserWarmPolicy(page) === 'after-paint' ? afterPaint(start) : undefined;
  for (const t of INTERACTION_EVENTS) document.addEventListener(t, onInteraction, { capture: true, passive: true });
  function cleanup() {
    for (const t of INTERACTION_EVENTS) document.removeEventListener(t, onInteraction, { capture: true });
    cancelPaint?.();
  }
  return () => {
    done = true;
    cleanup();
  };
}
