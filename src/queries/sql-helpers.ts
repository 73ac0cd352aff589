import type { SqlParam } from '../engine/database.ts';

/** `(?, ?, …)` for a parameterised IN list; an empty list matches nothing. */
export function inList(values: readonly string[]): { sql: string; params: SqlParam[] } {
  if (values.length === 0) return { sql: '(NULL)', params: [] };
  return { sql: `(${values.map(() => '?').join(', ')})`, params: [...values] };
}
