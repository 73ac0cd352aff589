import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Coordinator, queryKey } from '../../src/core/coordinator.ts';
import { KpiIndex } from '../../src/core/kpi-index.ts';
import { queryPanelSeries } from '../../src/queries/panel-series.ts';
import { openNodeDatabase } from '../../src/engine/node-database.ts';
import type { Database } from '../../src/engine/database.ts';

let db: Database;
beforeAll(async () => {
  db = await openNodeDatabase();
  await db.exec(`CREATE TABLE kpi_values (kpi VARCHAR, municipality_id VARCHAR, period VARCHAR, gender VARCHAR, value DOUBLE, status VARCHAR);
    INSERT INTO kpi_values SELECT k, lpad(id::VARCHAR, 4, '0'), p::VARCHAR, g, id * 10 + p - 2000 + (k = 'B')::INTEGER, NULL
      FROM (VALUES ('A'), ('B'), ('BIG')) ks(k), range(114, 124) ids(id), range(2019, 2023) ps(p), (VALUES ('T'), ('K'), ('M')) gs(g)
      WHERE k <> 'BIG' OR g = 'T';
    INSERT INTO kpi_values VALUES ('A', '0000', '2022', 'T', 5, NULL), ('A', 'constructor', '2022', 'T', NULL, 'x')`);
});
afterAll(() => db?.close());

const ask = (kpi: string, municipalityId: string, gender: 'T' | 'K' | 'M' = 'T') => ({
  kpi,
  municipalityId,
  members: ['0115', '0116', '0117', 'constructor'],
  gender,
  higherIsBetter: true,
});

describe('Coordinator with KPIs held in the page', () => {
  it('loads the KPIs of one turn with one statement, then answers other kommuner and genders without the engine', async () => {
    const c = new Coordinator(async () => db, {}, { localIndex: new KpiIndex() });
    const [a, b] = await Promise.all([c.run('panelSeries', ask('A', '0114')), c.run('panelSeries', ask('B', '0114'))]);
    expect(c.statements).toBe(1);
    expect(a).toEqual(await queryPanelSeries(db, ask('A', '0114')));
    expect(b.find((p) => p.period === '2022')).toMatchObject({ value: 1163, groupN: 3, groupMean: 1183 });

    const other = ask('A', '0120', 'M');
    const peeked = c.peek('panelSeries', other);
    expect(peeked).toEqual(await queryPanelSeries(db, other));
    expect(c.peek('memberValues', { kpi: 'A', municipalityIds: ['0120', 'constructor'], gender: 'T' })).toEqual([
      { id: '0120', period: '2019', value: 1219, status: null },
      { id: '0120', period: '2020', value: 1220, status: null },
      { id: '0120', period: '2021', value: 1221, status: null },
      { id: '0120', period: '2022', value: 1222, status: null },
      { id: 'constructor', period: '2022', value: null, status: 'x' },
    ]);
    expect(c.peek('changeSpread', { kpi: 'B', gender: 'K' })).toEqual({ n: 30, medianAbs: 1, p90Abs: 1 });
    expect(c.statements).toBe(1);
  });

  it('leaves a KPI too large to hold to the engine', async () => {
    const c = new Coordinator(async () => db, {}, { localIndex: new KpiIndex(30) });
    const big = await c.run('panelSeries', ask('BIG', '0114'));
    expect(big).toEqual(await queryPanelSeries(db, ask('BIG', '0114')));
    expect(c.peek('panelSeries', ask('BIG', '0115'))).toBeUndefined();
    const sent = c.statements;
    await c.run('panelSeries', ask('BIG', '0115'));
    expect(c.statements).toBe(sent + 1);
    // a KPI without any row is held as empty, not sent to the engine again
    expect(await c.run('panelSeries', ask('NONE', '0114'))).toEqual([]);
    expect(c.peek('panelSeries', ask('NONE', '0115'))).toEqual([]);
  });

  it('forgets what it holds when the data changes', async () => {
    const c = new Coordinator(async () => db, {}, { localIndex: new KpiIndex() });
    await c.run('panelSeries', ask('A', '0114'));
    await db.exec(`INSERT INTO kpi_values VALUES ('A', '0114', '2023', 'T', 7, NULL)`);
    expect(c.peek('panelSeries', ask('A', '0114', 'T'))?.some((p) => p.period === '2023')).toBe(false);
    c.clear();
    expect(c.peek('panelSeries', ask('A', '0114'))).toBeUndefined();
    expect((await c.run('panelSeries', ask('A', '0114'))).find((p) => p.period === '2023')?.value).toBe(7);
    await db.exec(`DELETE FROM kpi_values WHERE period = '2023'`);
  });

  it('rejects the questions of a failed load and loads again on the next one', async () => {
    let fail = true;
    const flaky = {
      ...db,
      query: (sql: string, params?: never) => (fail ? Promise.reject(new Error('piece missing')) : db.query(sql, params)),
    } as Database;
    const c = new Coordinator(async () => flaky, {}, { localIndex: new KpiIndex() });
    await expect(c.run('panelSeries', ask('A', '0114'))).rejects.toThrow('piece missing');
    fail = false;
    expect(await c.run('panelSeries', ask('A', '0114'))).toEqual(await queryPanelSeries(db, ask('A', '0114')));
  });

  it('fails only the KPI whose values did not arrive when several load together', async () => {
    const missing = {
      ...db,
      prepare: (r: { kpi?: string }) => (r.kpi === 'B' ? Promise.reject(new Error('404 B')) : Promise.resolve()),
    } as Database;
    const c = new Coordinator(async () => missing, {}, { localIndex: new KpiIndex() });
    const [a, b] = await Promise.allSettled([c.run('panelSeries', ask('A', '0114')), c.run('panelSeries', ask('B', '0114'))]);
    expect(a.status).toBe('fulfilled');
    expect(b).toMatchObject({ status: 'rejected', reason: new Error('404 B') });
    expect(c.peek('panelSeries', ask('A', '0115'))).toEqual(await queryPanelSeries(db, ask('A', '0115')));
  });

  it('prefetches by holding the KPIs, also those whose answer for this kommun came with the page', async () => {
    const shown = ask('A', '0114');
    const c = new Coordinator(async () => db, { [queryKey('panelSeries', shown)]: [] }, { localIndex: new KpiIndex() });
    await c.start();
    expect(c.covers('panelSeries', [shown])).toBe(false);
    expect(await c.prefetch([shown, ask('B', '0114')])).toBe(true);
    expect(c.statements).toBe(1);
    expect(c.covers('panelSeries', [shown, ask('B', '0120', 'K')])).toBe(true);
    // the build-time answer stays what the page shows; the next kommun is answered in the page
    expect(c.peek('panelSeries', shown)).toEqual([]);
    expect(c.peek('panelSeries', ask('A', '0115'))).toEqual(await queryPanelSeries(db, ask('A', '0115')));
  });
});
