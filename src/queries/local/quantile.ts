/** DuckDB's quantile_cont on ascending values (linear between the two nearest ranks, in DuckDB's arithmetic); null when empty. */
export function quantileCont(sorted: ArrayLike<number>, q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const at = (n - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  const d = at - lo;
  return lo === hi ? sorted[lo] : sorted[lo] * (1 - d) + sorted[hi] * d;
}

/** DuckDB's median: the middle value, or the mean of the two middle ones. */
export function median(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function mean(values: ArrayLike<number> & Iterable<number>): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** SQL's ORDER BY on VARCHAR (byte order; the same as code units for the ASCII ids, KPI ids and periods). */
export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** max() of SQL: nulls ignored. */
export function maxOf<T extends number | string>(a: T | null, b: T | null): T | null {
  return a === null ? b : b === null ? a : b > a ? b : a;
}
