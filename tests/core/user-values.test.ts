import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../src/engine/node-database.ts';
import type { Database } from '../../src/engine/database.ts';
import { CREATE_EMPTY_VALUES_SQL } from '../../src/data/schema.ts';
import { ingestUserSet, removeUserSet } from '../../src/core/user-values.ts';
import { valuesCsvBytes } from '../../src/import/parse/values-csv.ts';
import type { ValueRow } from '../../src/data/contract.ts';

let db: Database;
beforeEach(async () => {
  db = await openNodeDatabase();
  await db.exec(`${CREATE_EMPTY_VALUES_SQL};
    INSERT INTO kpi_values VALUES ('B1', '0180', '2023', 'T', 5, NULL), ('B1', '0180', '2024', 'T', 6, NULL)`);
});
afterEach(() => db?.close());

const all = () =>
  db.query<{ kpi: string; period: string; value: number | null }>(`SELECT kpi, period, value FROM kpi_values ORDER BY kpi, period`);
const v = (kpi: string, period: string, value: number | null, status?: string): ValueRow => ({
  kpi,
  municipality_id: '0180',
  period,
  gender: 'T',
  value,
  ...(status ? { status } : {}),
});

describe('imported sets in the engine', () => {
  it('adds new keys, keeps base values on collisions and reports them', async () => {
    const report = await ingestUserSet(
      db,
      's1',
      valuesCsvBytes([v('B1', '2023', 5), v('B1', '2024', 7), v('U1', '2024-01', 0.1 + 0.2), v('U1', '2024-02', null, 'sekretess')]),
    );
    expect(report).toMatchObject({ rows: 4, added: 2, alreadyPresent: 1, conflicts: 1 });
    expect(report.examples).toEqual([{ kpi: 'B1', municipality_id: '0180', period: '2024', gender: 'T', value: 7, existing: 6 }]);
    expect(await all()).toEqual([
      { kpi: 'B1', period: '2023', value: 5 },
      { kpi: 'B1', period: '2024', value: 6 },
      { kpi: 'U1', period: '2024-01', value: 0.1 + 0.2 },
      { kpi: 'U1', period: '2024-02', value: null },
    ]);
    const [s] = await db.query(`SELECT status FROM kpi_values WHERE period = '2024-02'`);
    expect(s.status).toBe('sekretess');
  });

  it('renames KPIs while writing the CSV', async () => {
    await ingestUserSet(db, 's1', valuesCsvBytes([v('file_id', '2024', 1)], new Map([['file_id', 'X90001']])));
    expect((await all()).map((r) => r.kpi)).toContain('X90001');
  });

  it('removes only what a set added', async () => {
    await ingestUserSet(db, 's1', valuesCsvBytes([v('B1', '2023', 9), v('U1', '2024', 1)]));
    await ingestUserSet(db, 's2', valuesCsvBytes([v('U1', '2024', 1), v('U2', '2024', 2)]));
    await removeUserSet(db, 's1');
    expect(await all()).toEqual([
      { kpi: 'B1', period: '2023', value: 5 },
      { kpi: 'B1', period: '2024', value: 6 },
      { kpi: 'U2', period: '2024', value: 2 },
    ]);
    const [{ n }] = await db.query(`SELECT count(*) AS n FROM user_values WHERE set_id = 's1'`);
    expect(n).toBe(0);
  });

  it('leaves earlier data untouched when an import fails half-way', async () => {
    await ingestUserSet(db, 's1', valuesCsvBytes([v('U1', '2024', 1)]));
    const before = await all();
    const broken = new TextEncoder().encode(
      'kpi,municipality_id,period,gender,value,status\nU2,0180,2024,T,1,\nU2,0180,2025,T,inte-ett-tal,\n',
    );
    await expect(ingestUserSet(db, 's2', broken)).rejects.toThrow();
    expect(await all()).toEqual(before);
    await expect(ingestUserSet(db, 's1', valuesCsvBytes([v('U3', '2024', 1)]))).rejects.toThrow(/finns redan/);
    expect(await all()).toEqual(before);
  });
});
