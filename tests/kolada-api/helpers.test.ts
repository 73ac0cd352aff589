import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunk } from '../../src/kolada-api/chunk.ts';
import { mapLimit } from '../../src/kolada-api/limit.ts';
import { mergeGroups, mergeValues } from '../../src/kolada-api/merge.ts';
import { fetchAllPages, readPage, withPaging } from '../../src/kolada-api/paging.ts';
import { apiVersion, dataRequests, formatPlan, metadataRequests } from '../../src/kolada-api/plan.ts';
import { openState } from '../../src/kolada-api/state.ts';
import type { GroupMemberRow, ValueRow } from '../../src/data/contract.ts';

describe('chunk', () => {
  it('keeps order, never exceeds 25 and refuses bigger chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.integer({ min: 1, max: 25 }), (xs, n) => {
        const cs = chunk(xs, n);
        expect(cs.flat()).toEqual(xs);
        expect(cs.every((c) => c.length >= 1 && c.length <= n)).toBe(true);
      }),
    );
    expect(() => chunk([1], 26)).toThrow(/at most 25/);
  });
});

describe('plan', () => {
  const ids = Array.from({ length: 60 }, (_, i) => String(i).padStart(4, '0'));
  const kpis = Array.from({ length: 30 }, (_, i) => `N${String(i).padStart(5, '0')}`);
  it('chunks KPIs and municipalities to ≤ 25 ids per segment', () => {
    const data = dataRequests({ baseUrl: 'https://api.kolada.se/v3/', kpis }, ids);
    expect(data).toHaveLength(2 * 3);
    for (const r of data) {
      const u = new URL(r.url);
      for (const seg of u.pathname.split('/')) expect(seg.split(',').length).toBeLessThanOrEqual(25);
      expect(u.searchParams.get('per_page')).toBe('5000');
      expect(u.searchParams.get('page')).toBe('1');
    }
    expect(data[0].url).toBe(
      `https://api.kolada.se/v3/data/kpi/${kpis.slice(0, 25).join(',')}/municipality/${ids.slice(0, 25).join(',')}?page=1&per_page=5000`,
    );
    expect(metadataRequests({ baseUrl: 'https://api.kolada.se/v3', kpis }).map((r) => r.kind)).toEqual([
      'kpi',
      'kpi',
      'municipality',
      'municipality_groups',
      'catalogue',
    ]);
    expect(apiVersion('https://api.kolada.se/v3')).toBe('v3');
  });
  it('adds from_date only for KPIs already in the previous output', () => {
    const data = dataRequests({ baseUrl: 'https://api.kolada.se/v3', kpis: ['A1', 'B2'], since: '2026-01-01', previousKpis: ['A1'] }, [
      '0180',
    ]);
    expect(data.map((r) => [r.kpis, r.fromDate])).toEqual([
      [['B2'], null],
      [['A1'], '2026-01-01'],
    ]);
    expect(data[1].url).toContain('from_date=2026-01-01');
  });
  it('formats a dry-run plan with or without known unit ids', () => {
    const withIds = formatPlan({ baseUrl: 'https://api.kolada.se/v3', kpis: ['N00090'] }, ['0000', '0180'], 'test');
    expect(withIds).toContain('GET https://api.kolada.se/v3/data/kpi/N00090/municipality/0000,0180?page=1&per_page=5000');
    expect(formatPlan({ baseUrl: 'https://api.kolada.se/v3', kpis: ['N00090'] }, null, '')).toContain(
      'GET /municipality, which a dry run does not make',
    );
  });
});

describe('paging', () => {
  it('follows next_url until it is empty or null', async () => {
    const pages: Record<string, unknown> = {
      'http://x/v3/kpi?page=1&per_page=2': { values: [1, 2], next_url: 'http://x/v3/kpi?page=2&per_page=2' },
      'http://x/v3/kpi?page=2&per_page=2': { values: [3, 4], next_url: '/v3/kpi?page=3&per_page=2' },
      'http://x/v3/kpi?page=3&per_page=2': { values: [5], next_url: '' },
    };
    expect(await fetchAllPages(async (u) => pages[u], withPaging('http://x/v3/kpi', 2))).toEqual([1, 2, 3, 4, 5]);
    expect(readPage('u', { values: [], next_url: null }).next).toBeNull();
    expect(() => readPage('u', { value: [] })).toThrow(/no "values" array/);
    await expect(fetchAllPages(async () => ({ values: [], next_url: 'http://x/a' }), 'http://x/a')).rejects.toThrow(/points back/);
    expect(() => withPaging('http://x', 5001)).toThrow(/per_page/);
  });
});

describe('mapLimit', () => {
  it('never runs more than the limit at once and keeps order', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([...Array(20).keys()], 3, async (i) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setImmediate(r));
      running--;
      return i * 2;
    });
    expect(peak).toBe(3);
    expect(out).toEqual([...Array(20).keys()].map((i) => i * 2));
  });
  it('stops starting work after the first failure and rethrows it', async () => {
    const started: number[] = [];
    await expect(
      mapLimit([0, 1, 2, 3, 4, 5], 2, async (i) => {
        started.push(i);
        if (i === 1) throw new Error('boom');
        await new Promise((r) => setImmediate(r));
      }),
    ).rejects.toThrow('boom');
    expect(started.length).toBeLessThan(6);
  });
});

describe('resume state', () => {
  it('serves pages of an unfinished run with the same parameters and forgets them otherwise', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kolada-state-'));
    try {
      let calls = 0;
      const get = async (u: string) => ({ url: u, n: ++calls });
      const s1 = openState(dir, { a: 1 });
      await s1.wrap(get)('http://x/1');
      const s2 = openState(dir, { a: 1 });
      expect(s2.resumed).toBe(true);
      expect(await s2.wrap(get)('http://x/1')).toEqual({ url: 'http://x/1', n: 1 });
      expect(calls).toBe(1);
      const s3 = openState(dir, { a: 2 });
      expect(s3.resumed).toBe(false);
      expect(s3.get('http://x/1')).toBeUndefined();
      s3.finish();
      expect(openState(dir, { a: 2 }).resumed).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('merge', () => {
  const v = (kpi: string, m: string, p: string, g: 'T' | 'K' | 'M', value: number | null): ValueRow => ({
    kpi,
    municipality_id: m,
    period: p,
    gender: g,
    value,
    status: null,
  });
  it('replaces changed rows as a whole, removes deleted ones and drops KPIs off the list', () => {
    const prev = [
      v('A', '0180', '2022', 'T', 1),
      v('A', '0180', '2022', 'K', 2),
      v('A', '0180', '2021', 'T', 3),
      v('B', '0180', '2022', 'T', 4),
      v('Z', '0180', '2022', 'T', 5),
    ];
    const merged = mergeValues(
      prev,
      [v('A', '0180', '2022', 'T', null)],
      [{ kpi: 'B', municipality_id: '0180', period: '2022' }],
      ['A', 'B'],
    );
    expect(merged).toEqual([v('A', '0180', '2021', 'T', 3), v('A', '0180', '2022', 'T', null)]);
  });
  it('keeps earlier editions of the Liknande groups that the API no longer serves', () => {
    const g = (edition: number, member: string): GroupMemberRow => ({
      group_id: 'G1',
      title: `Liknande kommuner ekonomiskt bistånd, Ale, ${edition}`,
      kind: 'liknande_ekonomiskt_bistand',
      edition,
      owner_id: '1440',
      member_id: member,
    });
    expect(mergeGroups([g(2022, '0560'), g(2023, '0999')], [g(2023, '0584')])).toEqual([g(2022, '0560'), g(2023, '0584')]);
    // the same for every family, each by its own editions; SKR groups are replaced, not kept
    const aldre = (edition: number, member: string): GroupMemberRow => ({
      ...g(edition, member),
      group_id: 'G2',
      kind: 'liknande_aldreomsorg',
    });
    const skr: GroupMemberRow = {
      group_id: 'G92787',
      title: 'Storstäder',
      kind: 'skr_kommungrupp',
      edition: 2023,
      owner_id: null,
      member_id: '0180',
    };
    expect(mergeGroups([aldre(2023, '0560'), aldre(2024, '0999'), skr], [g(2023, '0584'), aldre(2024, '0584')])).toEqual([
      aldre(2023, '0560'),
      aldre(2024, '0584'),
      g(2023, '0584'),
    ]);
  });
});
