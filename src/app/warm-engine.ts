import type { Route } from '../state/route.ts';

/** The part of the coordinator warming needs: starting the shared engine (idempotent). */
interface Startable {
  start(): Promise<unknown>;
}

/** Pages whose controls need DuckDB-wasm right away; elsewhere the engine waits for a first interaction. */
const ENGINE_PAGES: ReadonlySet<Route['page']> = new Set(['kommun', 'rapport', 'rangordning', 'egna-data']);

export type WarmPolicy = 'idle' | 'interaction';

/**
 * When to download and start DuckDB-wasm (~34 MB wasm + the values file). Never before first paint:
 * the prerendered HTML already shows the default view. On pages with controls we warm when the
 * browser is idle so the first change is quick; on reading pages (start, Om data …) and with
 * Save-Data we wait until the visitor touches a control, so a visit that only reads costs nothing.
 */
export function warmPolicy(page: Route['page'], saveData: boolean): WarmPolicy {
  return ENGINE_PAGES.has(page) && !saveData ? 'idle' : 'interaction';
}

const INTERACTION_EVENTS = ['pointerdown', 'keydown', 'focusin', 'touchstart'] as const;

/** Schedules warming for the current page; returns a cleanup that cancels what has not fired yet. */
export function warmEngine(coordinator: Startable, page: Route['page']): () => void {
  const saveData = Boolean((navigator as { connection?: { saveData?: boolean } }).connection?.saveData);
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
  let idleHandle: number | undefined;
  const w = globalThis as { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => number; cancelIdleCallback?: (h: number) => void };
  if (warmPolicy(page, saveData) === 'idle') {
    idleHandle = w.requestIdleCallback ? w.requestIdleCallback(start, { timeout: 3000 }) : (setTimeout(start, 500) as unknown as number);
  }
  for (const t of INTERACTION_EVENTS) document.addEventListener(t, onInteraction, { capture: true, passive: true });
  function cleanup() {
    for (const t of INTERACTION_EVENTS) document.removeEventListener(t, onInteraction, { capture: true });
    if (idleHandle !== undefined) {
      if (w.cancelIdleCallback) w.cancelIdleCallback(idleHandle);
      else clearTimeout(idleHandle);
    }
  }
  return () => {
    done = true;
    cleanup();
  };
}
