import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sqlString, type Database } from '../../src/engine/database.ts';
import { T } from '../../src/data/schema.ts';
import { PIECE_COLUMNS, PIECES_DIR, PIECES_INDEX, pieceFileStem, type PieceIndex } from '../../src/data/value-pieces.ts';

/**
 * Writes the loaded values as one CSV piece per KPI into outDir/values/ plus outDir/pieces.json.
 * DuckDB writes all pieces in one partitioned COPY; each is then named by the hash of its bytes.
 */
export async function writeValuePieces(db: Database, outDir: string): Promise<PieceIndex> {
  mkdirSync(outDir, { recursive: true });
  const scratch = join(outDir, '.partitions');
  rmSync(scratch, { recursive: true, force: true });
  // Partition directories are named by a number, never by the KPI id (ids are data, not file names).
  await db.exec(`CREATE OR REPLACE TEMP TABLE piece_numbers AS
    SELECT kpi, row_number() OVER (ORDER BY kpi) AS piece, n FROM (SELECT kpi, count(*) AS n FROM ${T.values} GROUP BY kpi)`);
  const counts = await db.query<{ piece: number; kpi: string; n: number }>(`SELECT piece, kpi, n FROM piece_numbers ORDER BY piece`);
  await db.exec(
    `COPY (SELECT p.piece, ${PIECE_COLUMNS.map((c) => `v.${c}`).join(', ')} FROM ${T.values} v JOIN piece_numbers p USING (kpi)
           ORDER BY v.kpi, v.municipality_id, v.period, v.gender)
     TO ${sqlString(scratch)} (FORMAT csv, HEADER, DELIMITER ',', PARTITION_BY (piece))`,
  );
  await db.exec('DROP TABLE piece_numbers');
  const index: PieceIndex = { format: 'csv', pieces: Object.create(null) as PieceIndex['pieces'] };
  mkdirSync(join(outDir, PIECES_DIR), { recursive: true });
  for (const { piece, kpi, n } of counts) {
    const bytes = concatCsv(join(scratch, `piece=${piece}`));
    const hash = createHash('sha256').update(kpi).update('\0').update(bytes).digest('hex').slice(0, 12);
    const file = `${pieceFileStem(kpi)}.${hash}.csv`;
    writeFileSync(join(outDir, PIECES_DIR, file), bytes);
    index.pieces[kpi] = [file, bytes.byteLength, Number(n)];
  }
  rmSync(scratch, { recursive: true, force: true });
  writeFileSync(join(outDir, PIECES_INDEX), JSON.stringify(index));
  return index;
}

/** One partition's CSV files as one file with one header (DuckDB may split a partition). */
function concatCsv(dir: string): Buffer {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort();
  const parts = files.map((f, i) => {
    const b = readFileSync(join(dir, f));
    return i === 0 ? b : b.subarray(b.indexOf(10) + 1);
  });
  return Buffer.concat(parts);
}
