import type { SqlParam } from '../engine/database.ts';

/** `(?, ?, …)` for a parameterised IN list; an empty list matches nothing. */
export function inList(values: readonly string[]): { sql: string; params: SqlParam[] } {
  if (values.length === 0) return { sql: '(NULL)', params: [] };
  return { sql: `(${values.map(() => '?').join(', ')})`, params: [...values] };
}

/** Separates ids inside one VARCHAR parameter that SQL splits again (`string_split`); kommun ids never contain it. */
export const ID_LIST_SEP = ',';

/** Whether these ids can travel as one ID_LIST_SEP-joined parameter. */
export function fitsIdList(ids: readonly string[]): boolean {
  return !ids.some((id) => id.includes(ID_LIST_SEP));
}
