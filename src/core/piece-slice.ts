import type { ArrowTable } from '../engine/arrow-rows.ts';
import { addSliceRow, finishSlice, type GenderSlice, type KpiSlice } from '../queries/local/slice.ts';

let readers: [typeof import('apache-arrow'), typeof import('../engine/arrow-rows.ts')] | null = null;

/**
 * A KPI's rows as the page holds them (kpi-index.ts), read straight from its value piece (an Arrow
 * stream, src/data/value-pieces.ts) instead of asking the engine for them back. Arrow and its reader
 * load on first use: the modules duckdb-wasm's side uses too, never part of the first page.
 */
export async function sliceFromPiece(bytes: Uint8Array): Promise<KpiSlice> {
  // once loaded, no await: a dynamic import resolves in a later task, behind whatever else is queued
  const [{ tableFromIPC }, { arrowColumns }] = (readers ??= await Promise.all([import('apache-arrow'), import('../engine/arrow-rows.ts')]));
  const table = tableFromIPC(bytes) as unknown as ArrowTable;
  // column by column, no row objects in between: a piece holds up to ~27,000 rows
  const columns = arrowColumns(table);
  const column = (name: string) => columns.get(name) ?? [];
  const [ids, periods, genders, values, statuses] = ['municipality_id', 'period', 'gender', 'value', 'status'].map(column);
  const byGender = new Map<string, GenderSlice>();
  for (let i = 0; i < table.numRows; i++) {
    const value = values[i];
    const status = statuses[i];
    addSliceRow(byGender, String(genders[i]), String(periods[i]), {
      id: String(ids[i]),
      value: value === null || value === undefined ? null : Number(value),
      status: status === null || status === undefined ? null : String(status),
    });
  }
  return finishSlice(byGender);
}
