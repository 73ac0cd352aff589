import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Coordinator } from '../../src/core/coordinator.ts';
import { openNodeDatabase } from '../../src/engine/node-database.ts';
import type { Database } from '../../src/engine/database.ts';
import { valuesCsvBytes } from '../../src/import/parse/values-csv.ts';
import { KpiIndex } from '../../src/core/kpi-index.ts';
import { pieceStore } from '../../src/core/piece-store.ts';

let db: Database;
beforeAll(async () => {
  db = await openNodeDatabase();
  await db.exec(`CREATE TABLE kpi_values (kpi VARCHAR, municipality_id VARCHAR, period VARCHAR, gender VARCHAR, value DOUBLE, status VARCHAR);
    INSERT INTO kpi_values VALUES ('X1', '0180', '2023', 'T', 1, NULL)`);
});
afterAll(() => db?.close());

const request = { kpis: ['X1'], municipalityId: '0180', genders: ['T' as const] };
const values = (c: Coordinator) => c.run('breakdown', request).then((rows) => rows.map((r) => r.value));

describe('Coordinator.write', () => {
  it('runs ingest and remove on the engine and clears its own cache after each', async () => {
    const c = new Coordinator(async () => db);
    const generations: number[] = [];
    c.onDataChange((g) => generations.push(g));
    expect(await values(c)).toEqual([1]);

    const report = await c.write('ingest', {
      setId: 's1',
      csv: valuesCsvBytes([{ kpi: 'X1', municipality_id: '0180', period: '2024', gender: 'T', value: 2 }]),
    });
    expect(report).toMatchObject({ rows: 1, added: 1 });
    expect(generations).toEqual([1]);
    expect(c.peek('breakdown', request)).toBeUndefined();
    expect(await values(c)).toEqual([1, 2]);

    await c.write('remove', { setId: 's1' });
    expect(generations).toEqual([1, 2]);
    expect(await values(c)).toEqual([1]);
  });

  it('keeps cached results after a write that changes no visible data', async () => {
    const c = new Coordinator(async () => db);
    await values(c);
    await c.write('discardStaged', {});
    expect(c.generation).toBe(0);
    expect(c.peek('breakdown', request)).toBeDefined();
  });

  it('clears nothing when a write fails', async () => {
    const c = new Coordinator(async () => db);
    await c.write('ingest', {
      setId: 'dup',
      csv: valuesCsvBytes([{ kpi: 'X1', municipality_id: '0180', period: '2025', gender: 'T', value: 3 }]),
    });
    const before = c.generation;
    await values(c);
    await expect(c.write('ingest', { setId: 'dup', csv: valuesCsvBytes([]) })).rejects.toThrow(/finns redan/);
    expect(c.generation).toBe(before);
    expect(c.peek('breakdown', request)).toBeDefined();
    await c.write('remove', { setId: 'dup' });
  });

  it('reads the value pieces in the page again once the last imported set is removed, not before', async () => {
    // the store is never read here: only whether the page may answer from pieces is asked
    const c = new Coordinator(async () => db, {}, { localIndex: new KpiIndex(1000, pieceStore('http://127.0.0.1:9/data/')) });
    expect(c.answersWithoutEngine).toBe(true);
    const row = (period: string) => valuesCsvBytes([{ kpi: 'X1', municipality_id: '0180', period, gender: 'T', value: 4 }]);
    await c.write('ingest', { setId: 'a', csv: row('2030') });
    await c.write('ingest', { setId: 'b', csv: row('2031') });
    expect(c.answersWithoutEngine).toBe(false);
    await c.write('remove', { setId: 'a' });
    expect(c.answersWithoutEngine).toBe(false);
    await c.write('remove', { setId: 'b' });
    expect(c.answersWithoutEngine).toBe(true);

    await c.write('ingest', { setId: 'c', csv: row('2032') });
    expect(c.answersWithoutEngine).toBe(false);
    await c.write('reset', { setIds: ['c'] });
    expect(c.answersWithoutEngine).toBe(true);
  });
});
