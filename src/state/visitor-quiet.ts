import { whenIdle } from './prefetch.ts';

/** The inputs that mean a visitor is acting on the page (a change is then being drawn). */
const INPUTS = ['pointerdown', 'keydown', 'click', 'input', 'change', 'wheel', 'touchstart'] as const;

/** A visitor who has not touched the page for this long is reading it. */
export const QUIET_MS = 2000;

const lastInput = new WeakMap<EventTarget, number>();

function listen(target: EventTarget): void {
  if (lastInput.has(target)) return;
  // the first ask counts as an input: work asked for when the page is ready waits for a quiet time too
  lastInput.set(target, performance.now());
  const seen = () => lastInput.set(target, performance.now());
  for (const type of INPUTS) target.addEventListener(type, seen, { capture: true, passive: true });
}

/**
 * Runs `f` at an idle moment once the visitor has made no input on `target` for `quietMs`, counted
 * from the first call at the earliest: for background work that keeps a core busy (the engine taking
 * in pieces), which on two cores slows down a change the visitor is waiting for. Work asked for again
 * while the visitor stays quiet runs at the next idle moment. Returns a cancel function.
 */
export function whenVisitorQuiet(f: () => void, quietMs = QUIET_MS, target: EventTarget = globalThis): () => void {
  listen(target);
  let cancel = () => {};
  const check = () => {
    const since = performance.now() - lastInput.get(target)!;
    if (since < quietMs) {
      const h = setTimeout(check, quietMs - since);
      cancel = () => clearTimeout(h);
      return;
    }
    cancel = whenIdle(() => {
      // an input while waiting for the idle moment starts the wait again
      if (performance.now() - lastInput.get(target)! < quietMs) check();
      else f();
    });
  };
  check();
  return () => cancel();
}
