/**
 * Adds a set's periods per KPI to the runtime list. Keys come from stored data: only own keys count,
 * so a KPI named `constructor` or `__proto__` is a KPI like any other, and a tampered record whose
 * periods are not lists of text is skipped instead of throwing.
 */
export function mergePeriods(target: Record<string, string[]>, periods: unknown): void {
  if (!periods || typeof periods !== 'object') return;
  for (const id of Object.keys(periods)) {
    const ps = (periods as Record<string, unknown>)[id];
    if (!Array.isArray(ps) || !ps.every((p) => typeof p === 'string')) continue;
    const before = Object.hasOwn(target, id) && Array.isArray(target[id]) ? target[id] : [];
    Object.defineProperty(target, id, {
      value: [...new Set([...before, ...ps])].sort(),
      enumerable: true,
      configurable: true,
      writable: true,
    });
  }
}
