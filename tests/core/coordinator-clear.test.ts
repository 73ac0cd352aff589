import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Coordinator } from '../../src/core/coordinator.ts';
import { openNodeDatabase } from '../../src/engine/node-database.ts';
import type { Database } from '../../src/engine/database.ts';

let db: Database;
beforeAll(async () => {
  db = await openNodeDatabase();
  await db.exec(`CREATE TABLE kpi_values (kpi VARCHAR, municipality_id VARCHAR, period VARCHAR, gender VARCHAR, value DOUBLE, status VARCHAR);
    INSERT INTO kpi_values VALUES ('X1', '0180', '2023', 'T', 1, NULL)`);
});
afterAll(() => db?.close());

const request = { kpis: ['X1'], municipalityId: '0180', genders: ['T' as const] };

describe('Coordinator.clear', () => {
  it('forgets cached results and snapshots so changed data is queried again', async () => {
    const c = new Coordinator(async () => db, { 'breakdown:stale': [] });
    const first = await c.run('breakdown', request);
    expect(first.map((r) => r.value)).toEqual([1]);
    await db.exec(`INSERT INTO kpi_values VALUES ('X1', '0180', '2024', 'T', 2, NULL)`);
    expect((await c.run('breakdown', request)).map((r) => r.value)).toEqual([1]);

    const seen: number[] = [];
    c.onDataChange((g) => seen.push(g));
    c.clear();
    expect(seen).toEqual([1]);
    expect(c.peek('breakdown', request)).toBeUndefined();
    expect(c.snapshot()).toEqual({});
    expect((await c.run('breakdown', request)).map((r) => r.value)).toEqual([1, 2]);
    await db.exec(`DELETE FROM kpi_values WHERE period = '2024'`);
  });

  it('does not cache a result that was in flight when the data changed', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const c = new Coordinator(async () => {
      await gate;
      return db;
    });
    const pending = c.run('breakdown', request);
    c.clear();
    release();
    await pending;
    expect(c.peek('breakdown', request)).toBeUndefined();
    await c.run('breakdown', request);
    expect(c.peek('breakdown', request)).toBeDefined();
  });
});

describe('Coordinator.seed', () => {
  it('adds build-time answers without replacing cached ones, and refuses them once the data has changed', async () => {
    const c = new Coordinator(async () => db);
    const asked = await c.run('breakdown', request);
    const other = { ...request, municipalityId: '1286' };
    const key = (r: typeof request) => `breakdown:${JSON.stringify(r, Object.keys(r).sort())}`;
    expect(c.seed({ [key(request)]: ['ersatt'], [key(other)]: [{ seeded: true }] })).toBe(true);
    expect(c.peek('breakdown', request)).toBe(asked);
    expect(c.peek('breakdown', other)).toEqual([{ seeded: true }]);
    c.clear();
    expect(c.seed({ [key(other)]: [{ seeded: true }] })).toBe(false);
    expect(c.peek('breakdown', other)).toBeUndefined();
  });
});
