/**
 * Reads a key that comes from data (a KPI id, a status, a panel id) from a plain record without
 * inheriting from Object.prototype: `ownEntry(periods, 'constructor')` is undefined unless the data
 * has such a key. For records built by our own code, prefer a Map or `Object.create(null)`.
 */
export function ownEntry<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The periods with values of one KPI in the site meta; [] for an id the meta doesn't know. */
export function kpiPeriods(periods: Readonly<Record<string, readonly string[]>>, kpiId: string): readonly string[] {
  const ps = ownEntry(periods, kpiId);
  return Array.isArray(ps) ? ps : [];
}
