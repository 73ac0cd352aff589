import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/engine/database.ts';
import type { SiteData } from '../../scripts/site/prepare-site-data.ts';
import { T } from '../../src/data/schema.ts';
import { queryMemberValuesBatch, memberValuesBatchKey, type MemberValuesRequest } from '../../src/queries/member-values.ts';
import { queryChangeSpreadBatch, changeSpreadBatchKey } from '../../src/queries/change-spread.ts';
import { queryBreakdownBatch, breakdownBatchKey } from '../../src/queries/breakdown.ts';
import { resolvePeerGroup } from '../../src/peers/peer-group.ts';
import { Coordinator } from '../../src/core/coordinator.ts';
import { openRealData } from '../support/real-data.ts';

let db: Database;
let site: SiteData;
let ids: string[];
beforeAll(async () => {
  ({ db, site } = await openRealData());
  const alingsas = site.meta.municipalities.find((m) => m.id === '1489')!;
  ids = ['1489', ...resolvePeerGroup(site.meta, alingsas, { kind: 'liknande', edition: 2022 }).members];
});
afterAll(() => db?.close());

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');
const plain = (rows: Record<string, unknown>[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));

describe('memberValues in one statement for the panels of a page', () => {
  /** What a plain SELECT of one request gives (the reference each batched answer must equal). */
  const single = async (r: MemberValuesRequest) =>
    r.municipalityIds.length
      ? plain(
          await db.query(
            `SELECT municipality_id AS id, period, value, status FROM ${T.values}
             WHERE kpi = '${r.kpi}' AND gender = '${r.gender}' AND municipality_id IN (${list(r.municipalityIds)}) ORDER BY id, period`,
          ),
        )
      : [];

  it('answers each KPI with exactly its own rows, as a plain SELECT of that KPI does', async () => {
    const rs: MemberValuesRequest[] = ['U31462', 'U31001', 'N00090', 'NO_SUCH_KPI'].map((kpi) => ({
      kpi,
      municipalityIds: ids,
      gender: 'T',
    }));
    const batch = await queryMemberValuesBatch(db, rs);
    for (const [i, r] of rs.entries()) expect(batch[i]).toEqual(await single(r));
    expect(batch[0].find((x) => x.id === '1489' && x.period === '2022')?.value).toBe(81);
    expect(batch[3]).toEqual([]);
  });

  it('puts every request in one batch, whatever its gender and group, unless its ids cannot travel in the list', () => {
    const r: MemberValuesRequest = { kpi: 'U31462', municipalityIds: ids, gender: 'T' };
    expect(memberValuesBatchKey(r)).toBe(memberValuesBatchKey({ ...r, kpi: 'X', municipalityIds: ['0114'] }));
    expect(memberValuesBatchKey(r)).toBe(memberValuesBatchKey({ ...r, gender: 'K' }));
    expect(memberValuesBatchKey(r)).not.toBe(memberValuesBatchKey({ ...r, municipalityIds: ['01,14'] }));
  });

  it('answers requests of different genders in one statement, each with exactly the rows of its gender', async () => {
    const rs: MemberValuesRequest[] = [
      { kpi: 'U31462', municipalityIds: ids, gender: 'K' },
      { kpi: 'U31462', municipalityIds: ids, gender: 'M' },
      { kpi: 'U31001', municipalityIds: ids, gender: 'T' },
      { kpi: 'U31462', municipalityIds: ids, gender: 'T' },
    ];
    const batch = await queryMemberValuesBatch(db, rs);
    for (const [i, r] of rs.entries()) expect(batch[i]).toEqual(await single(r));
    expect(batch[0].length).toBeGreaterThan(0);
    expect(batch[0]).not.toEqual(batch[1]);
  });

  it('answers requests with different kommuner, the same KPI in two of them, each with exactly its rows', async () => {
    const rs: MemberValuesRequest[] = [
      { kpi: 'U31462', municipalityIds: ids, gender: 'T' },
      { kpi: 'U31462', municipalityIds: ['1861', '1880', '1861'], gender: 'T' },
      { kpi: 'U31001', municipalityIds: ['1286'], gender: 'T' },
      { kpi: 'U31001', municipalityIds: [], gender: 'T' },
    ];
    const batch = await queryMemberValuesBatch(db, rs);
    for (const [i, r] of rs.entries()) expect(batch[i]).toEqual(await single(r));
    expect(new Set(batch[1].map((x) => x.id))).toEqual(new Set(['1861', '1880']));
    expect(batch[3]).toEqual([]);
    // an id the list parameter could not carry is asked on its own, never split
    const odd = await queryMemberValuesBatch(db, [
      { kpi: 'U31462', municipalityIds: ['1861,1880'], gender: 'T' },
      { kpi: 'U31462', municipalityIds: ['1861', '1861,1880'], gender: 'T' },
    ]);
    expect(odd[0]).toEqual([]);
    expect(new Set(odd[1].map((x) => x.id))).toEqual(new Set(['1861']));
  });

  it('is one statement through the coordinator when the panels ask together', async () => {
    const c = new Coordinator(async () => db);
    await c.start();
    const rs = ['U31462', 'U31001', 'U40455'].map((kpi) => ({ kpi, municipalityIds: ids, gender: 'T' as const }));
    const results = await Promise.all(rs.map((r) => c.run('memberValues', r)));
    expect(c.statements).toBe(1);
    expect(results.map((x) => x.length).every((n) => n > 0)).toBe(true);
    expect(new Set(results.flat().map((x) => x.id)).size).toBeLessThanOrEqual(ids.length);
  });
});

describe('changeSpread in one statement', () => {
  const single = async (kpi: string, gender: string) => {
    const [x] = await db.query(
      `WITH y AS (SELECT municipality_id AS id, CAST(period AS INTEGER) AS yr, value FROM ${T.values}
          WHERE kpi = '${kpi}' AND gender = '${gender}' AND value IS NOT NULL AND NOT starts_with(municipality_id, '00') AND regexp_full_match(period, '\\d{4}')),
       d AS (SELECT abs(b.value - a.value) AS change FROM y a JOIN y b ON a.id = b.id AND b.yr = a.yr + 1)
       SELECT count(*) AS n, median(change) AS m, quantile_cont(change, 0.9) AS p FROM d`,
    );
    return { n: Number(x.n), medianAbs: x.m ?? null, p90Abs: x.p ?? null };
  };

  it('pairs consecutive years within each KPI only, as the statement for one KPI does', async () => {
    const kpis = ['U31462', 'U31001', 'NO_SUCH_KPI'];
    const batch = await queryChangeSpreadBatch(
      db,
      kpis.map((kpi) => ({ kpi, gender: 'T' })),
    );
    for (const [i, kpi] of kpis.entries()) expect(batch[i]).toEqual(await single(kpi, 'T'));
    expect(batch[0].n).toBeGreaterThan(1000);
    expect(batch[2]).toEqual({ n: 0, medianAbs: null, p90Abs: null });
  });

  it('answers each (KPI, gender) of a mixed batch as its own statement does, a pair asked twice included', async () => {
    const rs = [
      { kpi: 'U31462', gender: 'K' as const },
      { kpi: 'U31462', gender: 'M' as const },
      { kpi: 'U31001', gender: 'T' as const },
      { kpi: 'U31462', gender: 'K' as const },
      { kpi: 'U31462', gender: 'T' as const },
    ];
    expect(new Set(rs.map(changeSpreadBatchKey)).size).toBe(1);
    const batch = await queryChangeSpreadBatch(db, rs);
    for (const [i, r] of rs.entries()) expect(batch[i]).toEqual(await single(r.kpi, r.gender));
    expect(batch[0].n).toBeGreaterThan(100);
    expect(batch[0]).not.toEqual(batch[1]);
  });
});

describe('breakdown in one statement', () => {
  it('gives each request the rows of its own KPIs, when KPIs overlap between requests', async () => {
    const rs = [
      { kpis: ['U31462', 'U31001'], municipalityId: '1861', genders: ['T' as const] },
      { kpis: ['U31001', 'N00090'], municipalityId: '1861', genders: ['T' as const] },
    ];
    expect(breakdownBatchKey(rs[0])).toBe(breakdownBatchKey(rs[1]));
    const batch = await queryBreakdownBatch(db, rs);
    for (const [i, r] of rs.entries()) {
      const expected = await db.query(
        `SELECT kpi, gender, period, value, status FROM ${T.values}
         WHERE municipality_id = '1861' AND kpi IN (${list(r.kpis)}) AND gender = 'T' ORDER BY kpi, gender, period`,
      );
      expect(batch[i]).toEqual(plain(expected));
    }
    // Hallsberg's figures from the seed list
    expect(batch[0].find((x) => x.kpi === 'U31462' && x.period === '2021')?.value).toBe(66);
    expect(Math.round(batch[1].find((x) => x.kpi === 'U31001' && x.period === '2020')!.value!)).toBe(722);
  });
});
