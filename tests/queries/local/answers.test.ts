import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/engine/database.ts';
import type { Gender } from '../../../src/data/contract.ts';
import type { SiteData } from '../../../scripts/site/prepare-site-data.ts';
import { KpiIndex } from '../../../src/core/kpi-index.ts';
import { localAnswers } from '../../../src/core/local-answers.ts';
import { queries, type QueryName, type QueryRequest } from '../../../src/core/queries.ts';
import { resolvePeerGroup, type PeerChoice } from '../../../src/peers/peer-group.ts';
import { kommuner } from '../../../src/data/site-meta.ts';
import { openRealData } from '../../support/real-data.ts';

let db: Database;
let site: SiteData;
let index: KpiIndex;
let kpiIds: string[];
beforeAll(async () => {
  ({ db, site } = await openRealData());
  kpiIds = (await db.query<{ kpi: string }>('SELECT DISTINCT kpi FROM kpi_values ORDER BY kpi')).map((r) => r.kpi);
  index = new KpiIndex();
  await index.load(db, [...kpiIds, 'NO_SUCH_KPI']);
});
afterAll(() => db?.close());

/** The same shape and values; numbers within 1e-12 relative (sums over doubles may add in another order). */
function expectClose(a: unknown, b: unknown, where: string): void {
  if (typeof a === 'number' && typeof b === 'number') {
    expect(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b)), `${where}: ${a} vs ${b}`).toBe(true);
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    expect(Object.keys(a).sort(), where).toEqual(Object.keys(b).sort());
    for (const k of Object.keys(a)) expectClose((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${where}.${k}`);
  } else expect(a, where).toEqual(b);
}

function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function same<N extends QueryName>(name: N, request: QueryRequest<N>) {
  const via = localAnswers[name]!;
  const slices = index.all(via.kpis(request));
  expect(slices, `${name} ${JSON.stringify(request)} held`).toBeDefined();
  const local = via.answer(slices!, request);
  const sql = await (queries[name] as (db: Database, r: QueryRequest<N>) => Promise<unknown>)(db, request);
  expectClose(local, sql, `${name} ${JSON.stringify(request)}`);
  return local;
}

describe('answers from KPIs held in the page (kpi-index) against the SQL queries, on the real data', () => {
  it('holds every KPI of the data, and an unknown one as empty', () => {
    expect(kpiIds.length).toBeGreaterThan(50);
    expect(index.all(kpiIds)?.size).toBe(kpiIds.length);
    expect(index.get('NO_SUCH_KPI')?.size).toBe(0);
  });

  it('gives the seed figures', async () => {
    const alingsas = site.meta.municipalities.find((m) => m.id === '1489')!;
    const members = resolvePeerGroup(site.meta, alingsas, { kind: 'liknande', edition: 2022 }).members;
    const series = (await same('panelSeries', { kpi: 'U31462', municipalityId: '1489', members, gender: 'T', higherIsBetter: true })) as {
      period: string;
    }[];
    expect(series.find((p) => p.period === '2022')).toMatchObject({ value: 81, groupMean: 85.5, groupN: 4, groupSize: 7 });
    const ystad = (await same('memberValues', { kpi: 'U31462', municipalityIds: ['1286'], gender: 'T' })) as {
      period: string;
      value: number;
    }[];
    expect(['2019', '2020', '2021'].map((y) => ystad.find((v) => v.period === y)?.value)).toEqual([82, 88, 92]);
  });

  it('answers 400 random panel, member, change and breakdown questions exactly as SQL does', async () => {
    const rnd = random(20261201);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const ks = kommuner(site.meta);
    const ids = [...ks.map((k) => k.id), '0000', '0001', 'constructor', '__proto__', ''];
    const genders: Gender[] = ['T', 'K', 'M'];
    const choices: PeerChoice[] = [
      { kind: 'liknande' },
      { kind: 'liknande', edition: 2022 },
      { kind: 'skr' },
      { kind: 'lan' },
      { kind: 'alla' },
    ];
    let rows = 0;
    for (let i = 0; i < 100; i++) {
      const kommun = pick(ks);
      const kpi = pick(kpiIds);
      const gender = pick(genders);
      const members =
        rnd() < 0.7
          ? resolvePeerGroup(site.meta, kommun, pick(choices), kpi).members
          : Array.from({ length: Math.floor(rnd() * 12) }, () => pick(ids)).concat(rnd() < 0.5 ? [kommun.id, kommun.id] : []);
      const id = rnd() < 0.9 ? kommun.id : pick(ids);
      const series = await same('panelSeries', { kpi, municipalityId: id, members, gender, higherIsBetter: pick([true, false, null]) });
      rows += (series as unknown[]).length;
      await same('memberValues', { kpi, municipalityIds: [id, ...members], gender });
      await same('changeSpread', { kpi, gender });
      await same('breakdown', { kpis: [kpi, pick(kpiIds), kpi], municipalityId: id, genders: rnd() < 0.5 ? [gender] : ['M', 'T', 'K'] });
    }
    expect(rows).toBeGreaterThan(500);
  });
});
