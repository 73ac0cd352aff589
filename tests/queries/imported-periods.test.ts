import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../src/engine/node-database.ts';
import type { Database } from '../../src/engine/database.ts';
import { CREATE_EMPTY_VALUES_SQL } from '../../src/data/schema.ts';
import { ingestUserSet } from '../../src/core/user-values.ts';
import { queryImportedPeriods } from '../../src/queries/imported-periods.ts';
import { valuesCsvBytes } from '../../src/import/parse/values-csv.ts';

let db: Database;
beforeAll(async () => {
  db = await openNodeDatabase();
  await db.exec(`${CREATE_EMPTY_VALUES_SQL};
    INSERT INTO kpi_values VALUES ('U31462', '1286', '2021', 'T', 92, NULL), ('U31462', '1286', '2022', 'T', 90, NULL)`);
});
afterAll(() => db?.close());

const ystad = { kpi: 'U31462', municipalityIds: ['1286'], gender: 'T' as const };

describe('importedPeriods', () => {
  it('is empty before anything was imported (no user_values table yet)', async () => {
    expect(await queryImportedPeriods(db, ystad)).toEqual([]);
  });

  it('names the periods a set added for a kommun, not those the base data already had', async () => {
    const row = (period: string, value: number, municipality_id = '1286') => ({
      kpi: 'U31462',
      municipality_id,
      period,
      gender: 'T' as const,
      value,
    });
    await ingestUserSet(db, 'set-a', valuesCsvBytes([row('2022', 70), row('2023', 91), row('2024', 93), row('2023', 50, '1861')]));
    await ingestUserSet(db, 'set-b', valuesCsvBytes([row('2025', 94)]));
    expect(await queryImportedPeriods(db, ystad)).toEqual([
      { setId: 'set-a', periods: ['2023', '2024'] },
      { setId: 'set-b', periods: ['2025'] },
    ]);
    expect(await queryImportedPeriods(db, { ...ystad, municipalityIds: ['1861'] })).toEqual([{ setId: 'set-a', periods: ['2023'] }]);
    // a group member's imported value counts too: it enters the group statistics
    expect(await queryImportedPeriods(db, { ...ystad, municipalityIds: ['0180', '1861'] })).toEqual([
      { setId: 'set-a', periods: ['2023'] },
    ]);
    expect(await queryImportedPeriods(db, { ...ystad, municipalityIds: [] })).toEqual([]);
    expect(await queryImportedPeriods(db, { ...ystad, gender: 'K' })).toEqual([]);
  });
});
