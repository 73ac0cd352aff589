/**
 * Imports the real Kolada values_long.csv through parseImportFile and compares it value for value
 * with DuckDB's own read of the same file (all columns as text, so nothing is reinterpreted).
 * The whole file (~461 000 rows) is used; it takes a few seconds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Municipality } from '../../src/data/contract.ts';
import { openNodeDatabase } from '../../src/engine/node-database.ts';
import type { Database } from '../../src/engine/database.ts';
import { parseImportFile, type FileImportResult } from '../../src/import/parse/import-file.ts';

import { koladaDir } from '../support/kolada-dir.ts';

const dir = koladaDir();

describe('real Kolada values_long.csv', () => {
  let db: Database;
  let result: FileImportResult;
  let expected: { kpi: string; municipality_id: string; period: string; gender: string; value: string | null }[];

  beforeAll(async () => {
    const municipalities: Pick<Municipality, 'id' | 'name'>[] = readFileSync(join(dir, 'municipalities.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','))
      .map(([id, name]) => ({ id, name }));
    result = parseImportFile('values_long.csv', new Uint8Array(readFileSync(join(dir, 'values_long.csv'))), { municipalities, kpis: [] });
    db = await openNodeDatabase({ searchPath: [dir] });
    expected = await db.query(
      `SELECT kpi, municipality_id, period, gender, value
         FROM read_csv('values_long.csv', header = true, all_varchar = true)`,
    );
  });
  afterAll(async () => {
    await db?.close();
  });

  it('accepts every row and rejects none', () => {
    expect(result.format).toBe('long-csv');
    expect(result.rejected).toEqual([]);
    expect(result.accepted.length).toBe(expected.length);
  });

  it('equals DuckDB read_csv value for value, in file order', () => {
    let mismatches = 0;
    const first: unknown[] = [];
    for (let i = 0; i < expected.length; i++) {
      const e = expected[i];
      const a = result.accepted[i];
      const value = e.value === null || e.value === '' ? null : Number(e.value);
      const same =
        a.kpi === e.kpi && a.municipality_id === e.municipality_id && a.period === e.period && a.gender === e.gender && a.value === value;
      if (!same) {
        mismatches++;
        if (first.length < 5) first.push({ i, expected: e, actual: a });
      }
    }
    expect(first).toEqual([]);
    expect(mismatches).toBe(0);
  });

  it("keeps '0180' as '0180' and empty values as null", () => {
    const stockholm = result.accepted.filter((r) => r.municipality_id === '0180');
    expect(stockholm.length).toBeGreaterThan(0);
    const nulls = expected.filter((e) => e.value === null || e.value === '').length;
    expect(nulls).toBeGreaterThan(0);
    expect(result.accepted.filter((r) => r.value === null).length).toBe(nulls);
    expect(result.accepted.some((r) => r.value === 0 && r.status)).toBe(false);
  });
});
