/**
 * The layout of the site's values in dist/data/: one Arrow IPC stream per KPI under `values/`, named by
 * a hash of its content (immutable, cacheable for ever), and `pieces.json`, the index the browser engine
 * reads to find, check and load only the KPIs a query names (src/core/value-pieces.ts). Arrow because the
 * engine takes it without parsing text: bench/layouts.ts compares it with CSV pieces and one DuckDB file.
 */

/** Where pieces and the index live, relative to the site's data/ URL. */
export const PIECES_INDEX = 'pieces.json';
export const PIECES_DIR = 'values';
export const PIECE_SUFFIX = '.arrow';

/**
 * Columns of a piece, in this order: strings dictionary-encoded, `value` Float64, missing as null; the KPI
 * is the piece's, not a column. Rows sorted by municipality_id, period, gender.
 */
export const PIECE_COLUMNS = ['municipality_id', 'period', 'gender', 'value', 'status'] as const;

export interface PieceIndex {
  format: 'arrow';
  /** per KPI id: [file under PIECES_DIR, bytes, rows] (a null-prototype object: ids are data) */
  pieces: Record<string, [file: string, bytes: number, rows: number]>;
}

/** A KPI id as a file name part: safe characters only; the content hash keeps names unique. */
export function pieceFileStem(kpi: string): string {
  return kpi.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40) || '_';
}
