/**
 * The layout of the site's values in dist/data/: one CSV piece per KPI under `values/`, named by a hash
 * of its content (immutable, cacheable for ever), and `pieces.json`, the index the browser engine reads
 * to find, check and load only the KPIs a query names (src/engine/value-pieces.ts).
 */

/** Where pieces and the index live, relative to the site's data/ URL. */
export const PIECES_INDEX = 'pieces.json';
export const PIECES_DIR = 'values';

/** Columns of a piece file, with a header row; the KPI is the piece's, not a column. */
export const PIECE_COLUMNS = ['municipality_id', 'period', 'gender', 'value', 'status'] as const;

export interface PieceIndex {
  format: 'csv';
  /** per KPI id: [file under PIECES_DIR, bytes, rows] (a null-prototype object: ids are data) */
  pieces: Record<string, [file: string, bytes: number, rows: number]>;
}

/** A KPI id as a file name part: safe characters only; the content hash keeps names unique. */
export function pieceFileStem(kpi: string): string {
  return kpi.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40) || '_';
}
