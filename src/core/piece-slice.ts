import type { ArrowTable } from '../engine/arrow-rows.ts';
import { addSliceRow, finishSlice, type GenderSlice, type KpiSlice } from '../queries/local/slice.ts';

/**
 * A KPI's rows as the page holds them (kpi-index.ts), read straight from its value piece (an Arrow
 * stream, src/data/value-pieces.ts) instead of asking the engine for them back. Arrow and its reader
 * load on first use: the modules duckdb-wasm's side uses too, never part of the first page.
 */
export async function sliceFromPiece(bytes: Uint8Array): Promise<KpiSlice> {
  const [{ tableFromIPC }, { arrowRows }] = await Promise.all([import('apache-arrow'), import('../engine/arrow-rows.ts')]);
  const rows = arrowRows(tableFromIPC(bytes) as unknown as ArrowTable);
  const byGender = new Map<string, GenderSlice>();
  for (const r of rows)
    addSliceRow(byGender, String(r.gender), String(r.period), {
      id: String(r.municipality_id),
      value: r.value === null || r.value === undefined ? null : Number(r.value),
      status: r.status === null || r.status === undefined ? null : String(r.status),
    });
  return finishSlice(byGender);
}
