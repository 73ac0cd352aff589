import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/engine/database.ts';
import type { SiteData } from '../../scripts/site/prepare-site-data.ts';
import { queryPanelSeries, type PanelSeriesRequest } from '../../src/queries/panel-series.ts';
import { panelSeriesBatchKey, queryPanelSeriesBatch } from '../../src/queries/panel-series-batch.ts';
import { resolvePeerGroup } from '../../src/peers/peer-group.ts';
import { Coordinator } from '../../src/core/coordinator.ts';
import { openRealData } from '../support/real-data.ts';

let db: Database;
let site: SiteData;
beforeAll(async () => ({ db, site } = await openRealData()));
afterAll(() => db?.close());

/** Aggregates over doubles may add in another order: compare numbers to 9 significant digits. */
const rounded = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (_, v) => (typeof v === 'number' ? Number(v.toPrecision(9)) : v)));

function requests(): PanelSeriesRequest[] {
  const alingsas = site.meta.municipalities.find((m) => m.id === '1489')!;
  const members = resolvePeerGroup(site.meta, alingsas, { kind: 'liknande', edition: 2022 }).members;
  return [
    { kpi: 'U31462', municipalityId: '1489', members, gender: 'T', higherIsBetter: true },
    { kpi: 'U31001', municipalityId: '1489', members, gender: 'T', higherIsBetter: null },
    { kpi: 'U40455', municipalityId: '1489', members, gender: 'T', higherIsBetter: false },
    { kpi: 'N00090', municipalityId: '1489', members, gender: 'K', higherIsBetter: true },
    { kpi: 'N00090', municipalityId: '1489', members, gender: 'M', higherIsBetter: false },
    { kpi: 'NO_SUCH_KPI', municipalityId: '1489', members, gender: 'T', higherIsBetter: true },
  ];
}

describe('queryPanelSeriesBatch (one statement for the panels of a page)', () => {
  it('answers each request exactly as queryPanelSeries does, in request order', async () => {
    const rs = requests();
    const batch = await queryPanelSeriesBatch(db, rs);
    expect(batch).toHaveLength(rs.length);
    for (const [i, r] of rs.entries()) expect(rounded(batch[i])).toEqual(rounded(await queryPanelSeries(db, r)));
    expect(batch[0].find((p) => p.period === '2022')?.value).toBe(81);
    expect(batch[0].length).toBeGreaterThan(0);
    expect(batch[5]).toEqual([]);
  });

  it('ranks each request in its own direction', async () => {
    const rs = requests();
    const [high, low] = await queryPanelSeriesBatch(db, [rs[3], { ...rs[3], higherIsBetter: false }]);
    const a = high.find((p) => p.rankAll !== null)!;
    const b = low.find((p) => p.period === a.period)!;
    // Places from both ends add up to n + 1 when there are no ties at the kommun's value.
    expect(a.rankAll! + b.rankAll!).toBeLessThanOrEqual(a.allN + 1);
    expect(a.rankAll).not.toBe(b.rankAll);
  });

  it('keys batches by kommun only, so panels with different groups share a statement', () => {
    const [r] = requests();
    expect(panelSeriesBatchKey(r)).toBe(panelSeriesBatchKey({ ...r, kpi: 'X', members: [...r.members].reverse() }));
    expect(panelSeriesBatchKey(r)).toBe(panelSeriesBatchKey({ ...r, members: ['0114', '0115'] }));
    expect(panelSeriesBatchKey(r)).not.toBe(panelSeriesBatchKey({ ...r, municipalityId: '1286' }));
    // a member id the list parameter could not carry gets a batch of its own
    expect(panelSeriesBatchKey(r)).not.toBe(panelSeriesBatchKey({ ...r, members: ['01,14'] }));
  });

  it('answers requests of one kommun with different groups (per KPI area, län, all, none) each as queryPanelSeries does', async () => {
    const alingsas = site.meta.municipalities.find((m) => m.id === '1489')!;
    const group = (choice: Parameters<typeof resolvePeerGroup>[2], kpi?: string) =>
      resolvePeerGroup(site.meta, alingsas, choice, kpi).members;
    const rs: PanelSeriesRequest[] = [
      {
        kpi: 'U31462',
        municipalityId: '1489',
        members: group({ kind: 'liknande', edition: 2022 }, 'U31462'),
        gender: 'T',
        higherIsBetter: true,
      },
      { kpi: 'U40455', municipalityId: '1489', members: group({ kind: 'liknande' }, 'U40455'), gender: 'T', higherIsBetter: true },
      { kpi: 'N00090', municipalityId: '1489', members: group({ kind: 'lan' }), gender: 'K', higherIsBetter: false },
      { kpi: 'U31462', municipalityId: '1489', members: group({ kind: 'alla' }), gender: 'T', higherIsBetter: true },
      { kpi: 'U31001', municipalityId: '1489', members: [], gender: 'T', higherIsBetter: null },
      // the kommun itself and a repeated member in the list, as a custom group may hold them
      { kpi: 'U31001', municipalityId: '1489', members: ['1489', '1861', '1861', '1286'], gender: 'T', higherIsBetter: null },
    ];
    expect(new Set(rs.map((r) => JSON.stringify([...r.members].sort()))).size).toBeGreaterThan(4);
    const batch = await queryPanelSeriesBatch(db, rs);
    for (const [i, r] of rs.entries()) expect(rounded(batch[i])).toEqual(rounded(await queryPanelSeries(db, r)));
    expect(batch[0].find((p) => p.period === '2022')).toMatchObject({ value: 81, groupMean: 85.5, groupN: 4, groupSize: 7 });
    expect(batch[4].every((p) => p.groupN === 0 && p.groupMean === null)).toBe(true);
    const c = new Coordinator(async () => db);
    await Promise.all(rs.map((r) => c.run('panelSeries', r)));
    expect(c.statements).toBe(1);
    // a member id the list parameter could not carry: asked on its own, never split into two kommuner
    const odd = { ...rs[0], members: ['1861,1880'] };
    const [answer] = await queryPanelSeriesBatch(db, [odd, odd]);
    expect(answer.every((p) => p.groupN === 0 && p.groupSize === 1)).toBe(true);
  });
});

describe('Coordinator batching', () => {
  it('sends requests made together as one statement and caches each under its own key', async () => {
    const c = new Coordinator(async () => db);
    await c.start();
    const rs = requests().slice(0, 4);
    const results = await Promise.all(rs.map((r) => c.run('panelSeries', r)));
    expect(c.statements).toBe(1);
    for (const [i, r] of rs.entries()) {
      expect(rounded(results[i])).toEqual(rounded(await queryPanelSeries(db, r)));
      expect(c.peek('panelSeries', r)).toBe(results[i]);
    }
  });

  it('runs requests of different kommuner as separate statements', async () => {
    const c = new Coordinator(async () => db);
    const [a] = requests();
    const b = { ...a, municipalityId: '1286' };
    const [ra, rb] = await Promise.all([c.run('panelSeries', a), c.run('panelSeries', b)]);
    expect(c.statements).toBe(2);
    expect(ra.find((p) => p.period === '2022')?.value).toBe(81);
    expect(rb.find((p) => p.period === '2021')?.value).toBe(92);
  });

  it('rejects every request of a failed batch', async () => {
    const broken = { ...db, query: () => Promise.reject(new Error('engine gone')) } as Database;
    const c = new Coordinator(async () => broken);
    const rs = requests().slice(0, 2);
    const settled = await Promise.allSettled(rs.map((r) => c.run('panelSeries', r)));
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
  });
});
