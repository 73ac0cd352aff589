import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/engine/database.ts';
import type { SiteData } from '../../scripts/site/prepare-site-data.ts';
import { Coordinator } from '../../src/core/coordinator.ts';
import { KpiIndex } from '../../src/core/kpi-index.ts';
import { neighbourBatches, prefetchOnIdle, seriesAsk, switchAsks } from '../../src/state/prefetch.ts';
import { queryKey } from '../../src/core/coordinator.ts';
import { memberValuesBatchKey, memberValuesForPanel } from '../../src/queries/member-values.ts';
import { changeSpreadBatchKey, changeSpreadForPanel } from '../../src/queries/change-spread.ts';
import { panelSeriesBatchKey } from '../../src/queries/panel-series-batch.ts';
import { resolvePeerGroup } from '../../src/peers/peer-group.ts';
import { kommuner } from '../../src/data/site-meta.ts';
import { openRealData } from '../support/real-data.ts';

let db: Database;
let site: SiteData;
beforeAll(async () => ({ db, site } = await openRealData()));
afterAll(() => db?.close());

const asks = [
  { kpi: 'U31462', gender: 'T' as const, higherIsBetter: true },
  { kpi: 'U31001', gender: 'T' as const, higherIsBetter: null },
];

describe('neighbourBatches', () => {
  it('asks for the page as shown, the other peer families and the next kommuner, as the panels would', () => {
    const list = kommuner(site.meta);
    const ystad = list.find((k) => k.id === '1286')!;
    const batches = neighbourBatches(site.meta, ystad, { kind: 'liknande' }, asks, 2);
    expect(batches).toHaveLength(1 + 3 + 2);
    expect(batches[0].map((r) => r.kpi)).toEqual(['U31462', 'U31001']);
    expect(batches[0][0].members).toEqual(resolvePeerGroup(site.meta, ystad, { kind: 'liknande' }, 'U31462').members);
    const skr = batches[1];
    expect(skr.map((r) => r.kpi)).toEqual(['U31462', 'U31001']);
    expect(skr[0].members).toEqual(resolvePeerGroup(site.meta, ystad, { kind: 'skr' }, 'U31462').members);
    const next = list[list.indexOf(ystad) + 1];
    expect(batches[4][0]).toEqual({
      kpi: 'U31462',
      municipalityId: next.id,
      members: resolvePeerGroup(site.meta, next, { kind: 'liknande' }, 'U31462').members,
      gender: 'T',
      higherIsBetter: true,
    });
    expect(batches.flat().every((r) => r.municipalityId !== '1286' || r.members.length > 0)).toBe(true);
  });

  it('asks first for the panels switched to another gender or KPI, for the same kommun and group, in one batch', () => {
    const ystad = kommuner(site.meta).find((k) => k.id === '1286')!;
    const divided = site.meta.kpis.find((k) => k.id === 'U31462')!.is_divided_by_gender;
    const panels = [
      { kpi: 'U31462', choices: ['U31462'] },
      { kpi: 'U31001', choices: ['U31001', 'N31004', 'N31001'] },
    ];
    const switches = switchAsks(site.meta, panels, 'T');
    const genders = switches.length === 2 ? switches[0] : [];
    expect(genders.map((a) => `${a.kpi}:${a.gender}`)).toEqual(divided ? ['U31462:K', 'U31462:M'] : []);
    expect(switches.at(-1)!.map((a) => a.kpi)).toEqual(['N31004', 'N31001']);
    expect(switches.flat()).not.toContainEqual(seriesAsk(site.meta, 'U31001', 'T'));
    const shown = [seriesAsk(site.meta, 'U31462', 'T'), seriesAsk(site.meta, 'U31001', 'T')];
    const batches = neighbourBatches(site.meta, ystad, { kind: 'liknande' }, shown, 1, switches);
    expect(batches).toHaveLength(1 + 3 + 1);
    expect(batches[0].map((r) => `${r.kpi}:${r.gender}`)).toEqual([...shown, ...switches.flat()].map((a) => `${a.kpi}:${a.gender}`));
    const kpiSwitch = batches[0].filter((r) => !['U31462', 'U31001'].includes(r.kpi));
    expect(kpiSwitch.map((r) => r.kpi)).toEqual(['N31004', 'N31001']);
    expect(batches[1].map((r) => r.kpi)).toEqual(['U31462', 'U31001']);
    expect(kpiSwitch[0]).toEqual({
      kpi: 'N31004',
      municipalityId: '1286',
      members: resolvePeerGroup(site.meta, ystad, { kind: 'liknande' }, 'N31004').members,
      gender: 'T',
      higherIsBetter: site.meta.kpis.find((k) => k.id === 'N31004')!.higher_is_better,
    });
  });

  it('asks nothing for a page without series panels', () => {
    expect(neighbourBatches(site.meta, kommuner(site.meta)[0], { kind: 'skr' }, [])).toEqual([]);
  });
});

describe('prefetchOnIdle', () => {
  it('works out batches given as a function only at the first idle moment, and not at all once cancelled', async () => {
    const c = new Coordinator(async () => db);
    await c.start();
    const ystad = kommuner(site.meta).find((k) => k.id === '1286')!;
    let built = 0;
    const make = () => (built++, neighbourBatches(site.meta, ystad, { kind: 'skr' }, asks, 0));
    const cancel = prefetchOnIdle(c, make);
    expect(built).toBe(0);
    await expect.poll(() => built, { timeout: 5_000 }).toBe(1);
    cancel();
    const never = prefetchOnIdle(c, make);
    never();
    await new Promise((r) => setTimeout(r, 200));
    expect(built).toBe(1);
  });

  it("answers every batch into the cache once the engine is ready: each panel's series, member values and change spread", async () => {
    const c = new Coordinator(async () => db);
    const ystad = kommuner(site.meta).find((k) => k.id === '1286')!;
    const batches = neighbourBatches(site.meta, ystad, { kind: 'liknande' }, asks, 1);
    prefetchOnIdle(c, batches);
    await new Promise((r) => setTimeout(r, 200));
    expect(c.statements).toBe(0); // never starts the engine itself
    await c.start();
    const all = batches.flat();
    const answered = () =>
      all.every(
        (r) =>
          c.peek('panelSeries', r) !== undefined &&
          c.peek('memberValues', memberValuesForPanel(r)) !== undefined &&
          c.peek('changeSpread', changeSpreadForPanel(r)) !== undefined,
      );
    await expect.poll(answered, { timeout: 20_000 }).toBe(true);
    // Per batch: its series, its member values and its change spreads not answered before, each one
    // statement per batch key (one kommun, group and gender).
    const answeredKeys = new Set<string>();
    let expected = 0;
    for (const batch of batches) {
      expected += new Set(batch.map((r) => panelSeriesBatchKey(r))).size;
      for (const [name, ask, batchKey] of [
        ['memberValues', memberValuesForPanel, memberValuesBatchKey],
        ['changeSpread', changeSpreadForPanel, changeSpreadBatchKey],
      ] as const) {
        const fresh = batch.map((r) => ask(r)).filter((q) => !answeredKeys.has(queryKey(name, q as never)));
        expected += new Set(fresh.map((q) => batchKey(q as never))).size;
        for (const q of fresh) answeredKeys.add(queryKey(name, q as never));
      }
    }
    expect(c.statements).toBe(expected);
    expect(c.statements).toBeLessThan(3 * batches.length + 1);
  });

  it("stops at the next statement when a visitor's query is waiting, and answers the rest once asked again", async () => {
    // The real engine; the visitor's query (the only one naming a period) is held in flight until released.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    const gated: Database = Object.create(db, {
      prepare: { value: async (request: { period?: string }) => void (request.period ? await held : undefined) },
    });
    const c = new Coordinator(async () => gated);
    await c.start();
    const ystad = kommuner(site.meta).find((k) => k.id === '1286')!;
    const [batch] = neighbourBatches(site.meta, ystad, { kind: 'liknande' }, asks, 0);
    const first = c.prefetch(batch);
    const visitor = c.run('ranking', { kpi: 'U31462', period: '2021', gender: 'T', higherIsBetter: true });
    expect(await first).toBe(false);
    // the series batch was under way and is answered; nothing after it was started
    expect(batch.every((r) => c.peek('panelSeries', r) !== undefined)).toBe(true);
    expect(batch.some((r) => c.peek('memberValues', memberValuesForPanel(r)) !== undefined)).toBe(false);
    release();
    await visitor;
    expect(await c.prefetch(batch)).toBe(true);
    expect(batch.every((r) => c.peek('changeSpread', changeSpreadForPanel(r)) !== undefined)).toBe(true);
  });

  it('stops when cancelled', async () => {
    const c = new Coordinator(async () => db);
    await c.start();
    const ystad = kommuner(site.meta).find((k) => k.id === '1286')!;
    let done = 0;
    const cancel = prefetchOnIdle(c, neighbourBatches(site.meta, ystad, { kind: 'liknande' }, asks, 1), () => done++);
    cancel();
    await new Promise((r) => setTimeout(r, 300));
    expect(c.statements).toBe(0);
    expect(done).toBe(0);
  });

  it('says when every batch is answered, once', async () => {
    const c = new Coordinator(async () => db);
    await c.start();
    const ystad = kommuner(site.meta).find((k) => k.id === '1286')!;
    const batches = neighbourBatches(site.meta, ystad, { kind: 'liknande' }, asks, 1);
    let done = 0;
    let answeredWhenDone = false;
    prefetchOnIdle(c, batches, () => {
      done++;
      answeredWhenDone = batches.flat().every((r) => c.peek('changeSpread', changeSpreadForPanel(r)) !== undefined);
    });
    await expect.poll(() => done, { timeout: 10_000 }).toBe(1);
    expect(answeredWhenDone).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(done).toBe(1);
  });

  it('with the KPIs held in the page, goes straight to the batches that need the engine: one statement for the switched KPIs', async () => {
    const c = new Coordinator(async () => db, {}, { localIndex: new KpiIndex() });
    const ystad = kommuner(site.meta).find((k) => k.id === '1286')!;
    const shown = [seriesAsk(site.meta, 'U31462', 'T'), seriesAsk(site.meta, 'U31001', 'T')];
    const [, first] = neighbourBatches(site.meta, ystad, { kind: 'liknande' }, shown, 0);
    await c.run('panelSeries', first[0]);
    await c.run('panelSeries', first[1]);
    const held = c.statements;
    const switches = switchAsks(site.meta, [{ kpi: 'U31001', choices: ['U31001', 'N31004', 'N31001'] }], 'T');
    const batches = neighbourBatches(site.meta, ystad, { kind: 'liknande' }, shown, 2, switches);
    expect(c.covers('panelSeries', batches[1])).toBe(true);
    expect(c.covers('panelSeries', batches[0])).toBe(false);
    let idles = 0;
    const g = globalThis as { requestIdleCallback?: (f: (d: { timeRemaining(): number }) => void) => number };
    g.requestIdleCallback = (f) => (idles++, setTimeout(() => f({ timeRemaining: () => 50 }), 1) as unknown as number);
    // the idle moment in which the engine was first asked (the count of idle moments after that
    // depends on the machine: answers worked out ahead take 8 ms slices)
    let askedAtIdle = 0;
    const prefetch = c.prefetch.bind(c);
    c.prefetch = (requests) => ((askedAtIdle ||= idles), prefetch(requests));
    try {
      prefetchOnIdle(c, batches);
      await expect.poll(() => c.covers('panelSeries', batches.flat()), { timeout: 10_000 }).toBe(true);
    } finally {
      delete g.requestIdleCallback;
    }
    expect(c.statements).toBe(held + 1);
    expect(askedAtIdle).toBe(1);
  });

  it('works out the held batches’ answers at idle moments, one request at least each, the time left allowing', async () => {
    const c = new Coordinator(async () => db, {}, { localIndex: new KpiIndex() });
    const ystad = kommuner(site.meta).find((k) => k.id === '1286')!;
    const shown = [seriesAsk(site.meta, 'U31462', 'T'), seriesAsk(site.meta, 'U31001', 'T')];
    const batches = neighbourBatches(site.meta, ystad, { kind: 'liknande' }, shown, 2);
    for (const r of batches[0]) await c.run('panelSeries', r);
    const keysOf = (r: (typeof batches)[0][0]) => [
      queryKey('panelSeries', r),
      queryKey('memberValues', memberValuesForPanel(r)),
      queryKey('changeSpread', changeSpreadForPanel(r)),
    ];
    const all = [...new Set(batches.flat().flatMap(keysOf))];
    const cached = () => Object.keys(c.snapshot(all)).length;
    expect(cached()).toBeLessThan(all.length);
    const statements = c.statements;
    // no time left in any idle moment: one request per moment, still to the end
    let idles = 0;
    const g = globalThis as { requestIdleCallback?: (f: (d: { timeRemaining(): number }) => void) => number };
    g.requestIdleCallback = (f) => (idles++, setTimeout(() => f({ timeRemaining: () => 0 }), 1) as unknown as number);
    try {
      prefetchOnIdle(c, batches);
      await expect.poll(cached, { timeout: 10_000 }).toBe(all.length);
    } finally {
      delete g.requestIdleCallback;
    }
    expect(idles).toBeGreaterThan(2);
    expect(c.statements).toBe(statements);
    // and each worked-out answer is the one the page gives when asked (tests/queries/local: the engine's)
    const r = batches.at(-1)![0];
    expect(c.snapshot([queryKey('panelSeries', r)])[queryKey('panelSeries', r)]).toEqual(
      await new Coordinator(async () => db, {}, { localIndex: new KpiIndex() }).run('panelSeries', r),
    );
  });

  it('reads ahead within 250 ms when the browser has no idle moment (changes in a row), not after the 2 s of an idle wait', async () => {
    const c = new Coordinator(async () => db, {}, { localIndex: new KpiIndex() });
    const ystad = kommuner(site.meta).find((k) => k.id === '1286')!;
    const batches = neighbourBatches(site.meta, ystad, { kind: 'liknande' }, [seriesAsk(site.meta, 'U31462', 'T')], 0);
    await c.start();
    // a browser that is never idle: a callback runs only when its timeout is up
    const timeouts: number[] = [];
    const g = globalThis as { requestIdleCallback?: (f: (d: { timeRemaining(): number }) => void, o?: { timeout?: number }) => number };
    g.requestIdleCallback = (f, o) => (
      timeouts.push(o?.timeout ?? Infinity),
      setTimeout(() => f({ timeRemaining: () => 0 }), o?.timeout ?? 60_000) as unknown as number
    );
    const t0 = performance.now();
    try {
      prefetchOnIdle(c, batches);
      await expect.poll(() => c.covers('panelSeries', batches.flat()), { timeout: 5_000 }).toBe(true);
    } finally {
      delete g.requestIdleCallback;
    }
    expect(Math.max(...timeouts)).toBeLessThanOrEqual(250);
    expect(performance.now() - t0).toBeLessThan(1500);
  });
});
