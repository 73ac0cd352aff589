/** Merging an incremental update (`--since`) into the previous output. */
import type { GroupMemberRow, ValueRow } from '../data/contract.ts';
import { rowKey, sortGroups, sortValues, valueKey, type RowKey } from './to-contract.ts';
import { familyOfKind } from '../data/liknande-families.ts';

/**
 * Kolada changes a `(kpi, municipality, period)` row as a whole: a changed row replaces all its
 * genders, a row flagged `isdeleted` removes them. Rows of KPIs outside `kpis` are dropped.
 */
export function mergeValues(
  previous: readonly ValueRow[],
  changed: readonly ValueRow[],
  deleted: readonly RowKey[],
  kpis: readonly string[],
): ValueRow[] {
  const keep = new Set(kpis);
  const replaced = new Set<string>([...changed.map(rowKey), ...deleted.map(rowKey)]);
  const m = new Map<string, ValueRow>();
  for (const v of previous) if (keep.has(v.kpi) && !replaced.has(rowKey(v))) m.set(valueKey(v), v);
  for (const v of changed) m.set(valueKey(v), v);
  return sortValues(m.values());
}

/**
 * The API serves the current edition of the "Liknande kommuner" groups only; editions present in the
 * previous output but not in the new fetch are kept so older years stay comparable.
 */
export function mergeGroups(previous: readonly GroupMemberRow[], fetched: readonly GroupMemberRow[]): GroupMemberRow[] {
  const fetchedEditions = new Set(fetched.map((g) => `${g.kind}|${g.edition ?? ''}`));
  const kept = previous.filter((g) => familyOfKind(g.kind) !== null && !fetchedEditions.has(`${g.kind}|${g.edition ?? ''}`));
  return sortGroups([...kept, ...fetched]);
}
