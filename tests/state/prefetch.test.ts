import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/engine/database.ts';
import type { SiteData } from '../../scripts/site/prepare-site-data.ts';
import { Coordinator } from '../../src/core/coordinator.ts';
import { neighbourBatches, prefetchOnIdle } from '../../src/state/prefetch.ts';
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
  it('asks for the other peer families and the next kommuner, as the panels would', () => {
    const list = kommuner(site.meta);
    const ystad = list.find((k) => k.id === '1286')!;
    const batches = neighbourBatches(site.meta, ystad, { kind: 'liknande' }, asks, 2);
    expect(batches).toHaveLength(3 + 2);
    const skr = batches[0];
    expect(skr.map((r) => r.kpi)).toEqual(['U31462', 'U31001']);
    expect(skr[0].members).toEqual(resolvePeerGroup(site.meta, ystad, { kind: 'skr' }, 'U31462').members);
    const next = list[list.indexOf(ystad) + 1];
    expect(batches[3][0]).toEqual({
      kpi: 'U31462',
      municipalityId: next.id,
      members: resolvePeerGroup(site.meta, next, { kind: 'liknande' }, 'U31462').members,
      gender: 'T',
      higherIsBetter: true,
    });
    expect(batches.flat().every((r) => r.municipalityId !== '1286' || r.members.length > 0)).toBe(true);
  });

  it('asks nothing for a page without series panels', () => {
    expect(neighbourBatches(site.meta, kommuner(site.meta)[0], { kind: 'skr' }, [])).toEqual([]);
  });
});

describe('prefetchOnIdle', () => {
  it('answers every batch into the cache once the engine is ready, one statement per batch', async () => {
    const c = new Coordinator(async () => db);
    const ystad = kommuner(site.meta).find((k) => k.id === '1286')!;
    const batches = neighbourBatches(site.meta, ystad, { kind: 'liknande' }, asks, 1);
    prefetchOnIdle(c, batches);
    await new Promise((r) => setTimeout(r, 200));
    expect(c.statements).toBe(0); // never starts the engine itself
    await c.start();
    await expect.poll(() => batches.flat().every((r) => c.peek('panelSeries', r) !== undefined), { timeout: 20_000 }).toBe(true);
    expect(c.statements).toBe(batches.length);
  });

  it('stops when cancelled', async () => {
    const c = new Coordinator(async () => db);
    await c.start();
    const ystad = kommuner(site.meta).find((k) => k.id === '1286')!;
    const cancel = prefetchOnIdle(c, neighbourBatches(site.meta, ystad, { kind: 'liknande' }, asks, 1));
    cancel();
    await new Promise((r) => setTimeout(r, 300));
    expect(c.statements).toBe(0);
  });
});
