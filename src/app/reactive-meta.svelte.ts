import type { SiteMeta } from '../data/site-meta.ts';

/**
 * The site meta with each top-level field as its own signal, holding plain (unproxied) values: reading
 * a KPI or a municipality costs a plain property read, and a field replaced at run time (KPIs added by
 * imported data, a kommun's groups, målvärden) updates every page that reads it. Replace a field, never
 * change one in place: an in-place change is not seen.
 */
export function reactiveMeta(meta: SiteMeta): SiteMeta {
  const out = {} as SiteMeta;
  for (const key of Object.keys(meta) as (keyof SiteMeta)[]) {
    let value = $state.raw(meta[key]);
    Object.defineProperty(out, key, {
      enumerable: true,
      get: () => value,
      set: (v) => {
        value = v;
      },
    });
  }
  // Optional fields that may appear later.
  if (!('lazyGroups' in out)) {
    let lazy = $state.raw<string[] | undefined>(undefined);
    Object.defineProperty(out, 'lazyGroups', { enumerable: true, get: () => lazy, set: (v) => (lazy = v) });
  }
  return out;
}
