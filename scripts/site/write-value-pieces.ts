import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dictionary, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import type { Database } from '../../src/engine/database.ts';
import { T } from '../../src/data/schema.ts';
import { PIECE_COLUMNS, PIECE_SUFFIX, PIECES_DIR, PIECES_INDEX, pieceFileStem, type PieceIndex } from '../../src/data/value-pieces.ts';

type PieceRow = { municipality_id: string; period: string; gender: string; value: number | null; status: string | null };

/**
 * Writes the loaded values as one Arrow IPC stream per KPI into outDir/values/ plus outDir/pieces.json,
 * each file named by the hash of its bytes. The rows are first copied in piece order, so reading one
 * piece touches only its own row groups.
 */
export async function writeValuePieces(db: Database, outDir: string): Promise<PieceIndex> {
  mkdirSync(join(outDir, PIECES_DIR), { recursive: true });
  const order = 'municipality_id, period, gender';
  await db.exec(`CREATE OR REPLACE TEMP TABLE piece_rows AS
    SELECT dense_rank() OVER (ORDER BY kpi) AS piece, kpi, ${PIECE_COLUMNS.join(', ')} FROM ${T.values} ORDER BY kpi, ${order}`);
  try {
    const counts = await db.query<{ piece: number; kpi: string; n: number }>(
      `SELECT piece, kpi, count(*) AS n FROM piece_rows GROUP BY piece, kpi ORDER BY piece`,
    );
    const index: PieceIndex = { format: 'arrow', pieces: Object.create(null) as PieceIndex['pieces'] };
    for (const { piece, kpi, n } of counts) {
      const rows = await db.query<PieceRow>(
        `SELECT ${PIECE_COLUMNS.map((c) => (c === 'status' ? `nullif(status, '') AS status` : c)).join(', ')}
         FROM piece_rows WHERE piece = ? ORDER BY ${order}`,
        [Number(piece)],
      );
      const bytes = pieceBytes(rows);
      const hash = createHash('sha256').update(kpi).update('\0').update(bytes).digest('hex').slice(0, 12);
      const file = `${pieceFileStem(kpi)}.${hash}${PIECE_SUFFIX}`;
      writeFileSync(join(outDir, PIECES_DIR, file), bytes);
      index.pieces[kpi] = [file, bytes.byteLength, Number(n)];
    }
    writeFileSync(join(outDir, PIECES_INDEX), JSON.stringify(index));
    return index;
  } finally {
    await db.exec('DROP TABLE IF EXISTS piece_rows');
  }
}

/** One piece as an Arrow IPC stream (the columns of PIECE_COLUMNS). */
export function pieceBytes(rows: readonly PieceRow[]): Uint8Array {
  const strings = (pick: (r: PieceRow) => string | null) => vectorFromArray(rows.map(pick), new Dictionary(new Utf8(), new Int32()));
  const table = new Table({
    municipality_id: strings((r) => r.municipality_id),
    period: strings((r) => r.period),
    gender: strings((r) => r.gender),
    value: vectorFromArray(
      rows.map((r) => r.value),
      new Float64(),
    ),
    status: strings((r) => r.status),
  });
  return tableToIPC(table, 'stream');
}
