/**
 * Every raw value file of the Kolada dump in shared/data/kolada/raw (DDF: geo,year[,gender],<kpi>)
 * imported through parseImportFile – the code the browser's import worker runs – gives exactly the
 * values the direct loader reads from values_long.csv.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Municipality } from '../../src/data/contract.ts';
import type { Database } from '../../src/engine/database.ts';
import { openNodeDatabase } from '../../src/engine/node-database.ts';
import { parseImportFile } from '../../src/import/parse/import-file.ts';
import { koladaDir, readKoladaCsv } from '../support/kolada-dir.ts';

const RAW = join(koladaDir(), 'raw/open-numbers_ddf--kolada--dump');
const folders = ['datapoints--by--geo--year', 'datapoints--by--geo--gender--year'];
let db: Database;
let municipalities: Municipality[];

beforeAll(async () => {
  municipalities = readKoladaCsv('municipalities.csv').map((m) => ({
    id: m.municipality_id,
    name: m.name,
    type: m.type as 'K' | 'L',
    county_code: m.county_code || null,
    county_name: null,
    skr_group_code: null,
    skr_group_name: null,
  }));
  db = await openNodeDatabase({ searchPath: [koladaDir()] });
  await db.exec(`CREATE TABLE direct AS SELECT * FROM read_csv('values_long.csv', header = true, auto_detect = false,
    columns = {'kpi': 'VARCHAR', 'municipality_id': 'VARCHAR', 'period': 'VARCHAR', 'gender': 'VARCHAR', 'value': 'DOUBLE'})`);
});
afterAll(() => db?.close());

describe.each(folders)('raw Kolada files in %s', (folder) => {
  it('import with nothing rejected and values identical to the direct loader', async () => {
    const files = readdirSync(join(RAW, folder)).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBeGreaterThan(folder.includes('gender') ? 20 : 90);
    for (const f of files) {
      const r = parseImportFile(f, new Uint8Array(readFileSync(join(RAW, folder, f))), { municipalities, kpis: [] });
      expect(r.refusal, f).toBeUndefined();
      expect(r.rejected, f).toEqual([]);
      const kpi = r.accepted[0].kpi;
      const genders = [...new Set(r.accepted.map((a) => a.gender))];
      const direct = await db.query<{ municipality_id: string; period: string; gender: string; value: number | null }>(
        `SELECT municipality_id, period, gender, value FROM direct WHERE kpi = ? AND gender IN (${genders.map(() => '?').join(',')}) ORDER BY municipality_id, period, gender`,
        [kpi, ...genders],
      );
      const imported = r.accepted
        .map((a) => ({ municipality_id: a.municipality_id, period: a.period, gender: a.gender, value: a.value }))
        .sort(
          (a, b) =>
            a.municipality_id.localeCompare(b.municipality_id) || a.period.localeCompare(b.period) || a.gender.localeCompare(b.gender),
        );
      expect(imported, f).toEqual(direct);
    }
  });
});
