import type { ValueRow } from '../../data/contract.ts';
import { csvLine } from '../../data/csv-format.ts';

/** A file's KPI id → the id the user chose. A Map, since ids come from files (`constructor` is a valid id). */
export type KpiRename = ReadonlyMap<string, string>;

export const VALUES_CSV_HEADER = ['kpi', 'municipality_id', 'period', 'gender', 'value', 'status'] as const;

/**
 * Accepted rows → contract values CSV bytes (UTF-8, point decimals, JS shortest round-trip numbers so
 * DuckDB reads back the identical double). `rename` maps a file's KPI ids to the ids the user chose.
 */
export function valuesCsvBytes(rows: readonly ValueRow[], rename: KpiRename = new Map()): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [encoder.encode(csvLine(VALUES_CSV_HEADER) + '\n')];
  const CHUNK = 50_000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    let text = '';
    for (const r of rows.slice(i, i + CHUNK))
      text += csvLine([rename.get(r.kpi) ?? r.kpi, r.municipality_id, r.period, r.gender, r.value, r.status ?? null]) + '\n';
    parts.push(encoder.encode(text));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
