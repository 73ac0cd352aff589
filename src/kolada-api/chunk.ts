/** Kolada v3 accepts at most 25 ids in one path segment (e.g. `/kpi/A,B,…`). */
export const MAX_IDS_PER_SEGMENT = 25;

/** Splits `items` into consecutive chunks of at most `size` (order kept, no empty chunks). */
export function chunk<T>(items: readonly T[], size: number = MAX_IDS_PER_SEGMENT): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  if (size > MAX_IDS_PER_SEGMENT) throw new RangeError(`Kolada accepts at most ${MAX_IDS_PER_SEGMENT} ids per path segment, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Unique values in first-seen order. */
export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}
