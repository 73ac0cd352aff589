/**
 * End to end against the local mock Kolada v3 server: the written data directory must equal the
 * source data in shared/data/kolada value for value, despite paging, 429/500 and a dropped connection.
 */
import { KOLADA_API_KPIS } from '../../src/data/dashboard-kpis.ts';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshKoladaData, type RefreshOptions } from '../../src/kolada-api/refresh.ts';
import { higherIsBetter } from '../../src/data/kpi-directions.ts';
import { prepareSiteData } from '../../scripts/site/prepare-site-data.ts';
import { startMockKolada, type MockServer } from './mock-kolada-server.ts';
import { readCsv, REPO_DIR } from './source-data.ts';

const PANEL = [...KOLADA_API_KPIS];
const run = promisify(execFile);

function readOut(dir: string, file: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(join(dir, file), 'utf8'), {
    header: true,
    skipEmptyLines: true,
    dynamicTyping: false,
  });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

const key = (r: Record<string, string>) => `${r.kpi}|${r.municipality_id}|${r.period}|${r.gender}`;

/** source values as key → value text ('' = null) */
function sourceValues(kpis: string[]): Map<string, string> {
  const want = new Set(kpis);
  return new Map(
    readCsv('values_long.csv')
      .filter((r) => want.has(r.kpi))
      .map((r) => [key(r), r.value]),
  );
}

function expectSameValues(outDir: string, expected: Map<string, string>) {
  const out = readOut(outDir, 'values.csv');
  const got = new Map(out.map((r) => [key(r), r.value]));
  expect(got.size).toBe(out.length); // key unique
  expect(got.size).toBe(expected.size);
  const diffs: string[] = [];
  for (const [k, v] of expected) {
    const g = got.get(k);
    if (g === undefined) diffs.push(`missing ${k}`);
    else if (v === '' ? g !== '' : g === '' || Number(g) !== Number(v)) diffs.push(`${k}: ${g} ≠ ${v}`);
    if (diffs.length > 10) break;
  }
  expect(diffs).toEqual([]);
}

let server: MockServer;
let tmp: string;
const sleeps: number[] = [];
const messages: string[] = [];

function options(over: Partial<RefreshOptions> = {}): RefreshOptions {
  return {
    baseUrl: server.baseUrl,
    kpis: PANEL,
    outDir: join(tmp, 'data'),
    stateDir: join(tmp, 'state'),
    concurrency: 3,
    perPage: 1000,
    now: () => new Date('2026-11-23T08:00:00Z'),
    log: (m) => messages.push(m),
    client: { sleep: async (ms) => void sleeps.push(ms), random: () => 0, baseDelayMs: 100, timeoutMs: 20_000 },
    ...over,
  };
}

beforeAll(async () => {
  server = await startMockKolada({ kpis: [...PANEL, 'N00700'] });
  tmp = mkdtempSync(join(tmpdir(), 'kolada-api-'));
});
afterAll(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('data:kolada against the mock Kolada v3', () => {
  it('fetches the panel KPIs for all units through paging, 429, 500 and a dropped connection', async () => {
    server.faults.push(
      { kind: '429', when: (r) => r.n === 3, retryAfter: '7' },
      { kind: '500', when: (r) => r.path.startsWith('/v3/data/') && r.page === 2 },
      { kind: 'destroy', when: (r) => r.path === '/v3/municipality_groups' },
      { kind: 'destroy', when: (r) => r.path.startsWith('/v3/data/') && r.page === 3 },
    );
    const result = await refreshKoladaData(options());
    const faulted = server.log.filter((l) => l.fault).map((l) => l.fault);
    expect(faulted.sort()).toEqual(['429', '500', 'destroy', 'destroy']);
    expect(sleeps).toContain(7000); // Retry-After honoured
    expect(sleeps.filter((s) => s !== 7000).every((s) => s >= 100)).toBe(true);
    expect(result.manifest.requests.retries).toBe(4);
    expect(server.log.every((l) => l.status !== 400 && l.status !== 404)).toBe(true);
    // paging happened and no request carried more than 25 ids in a segment
    expect(server.log.some((l) => l.page > 1)).toBe(true);
    const out = join(tmp, 'data');

    expectSameValues(out, sourceValues(PANEL));
    const values = readOut(out, 'values.csv');
    expect(values.some((v) => v.municipality_id === '0180')).toBe(true);
    expect(values.some((v) => v.period === '1900')).toBe(false); // isdeleted rows dropped
    expect(
      values
        .filter((v) => v.kpi === 'N00090')
        .map((v) => v.gender)
        .sort()
        .filter((g, i, a) => a.indexOf(g) === i),
    ).toEqual(['K', 'M', 'T']);
    expect(values.some((v) => v.value === '')).toBe(true); // nulls kept as missing

    // municipalities equal shared/municipalities.csv
    const muni = readOut(out, 'municipalities.csv');
    const src = readCsv('municipalities.csv');
    expect(muni.map((m) => [m.id, m.name, m.type, m.county_code, m.county_name, m.skr_group_code, m.skr_group_name])).toEqual(
      src.map((m) => [m.municipality_id, m.name, m.type, m.county_code, m.county_name, m.skr_group_code, m.skr_group_name]),
    );

    // groups: both ek. bistånd editions with owners, and the 9 SKR groups
    const groups = readOut(out, 'groups.csv');
    const lk = readCsv('liknande_kommuner_ekonomiskt_bistand.csv');
    const lkKey = (g: string, e: string, o: string, m: string) => `${g}|${e}|${o}|${m}`;
    expect(
      groups
        .filter((g) => g.kind === 'liknande_ekonomiskt_bistand')
        .map((g) => lkKey(g.group_id, g.edition, g.owner_id, g.member_id))
        .sort(),
    ).toEqual(lk.map((r) => lkKey(r.group_id, r.edition_year, r.focal_municipality_id, r.member_id)).sort());
    const skr = readCsv('skr_kommungrupper.csv');
    expect(
      groups
        .filter((g) => g.kind === 'skr_kommungrupp')
        .map((g) => `${g.group_id}|${g.member_id}|${g.edition}`)
        .sort(),
    ).toEqual(skr.map((r) => `${r.kolada_group_id}|${r.municipality_id}|2023`).sort());
    // every other "Liknande kommuner …" family of /municipality_groups, owner from the title, as Kolada lists them
    const families = readCsv('municipality_groups_2026-03.csv').filter(
      (r) => /^Liknande kommuner/.test(r.group_title) && !/ekonomiskt bistånd/.test(r.group_title),
    );
    expect(families.length).toBeGreaterThan(1000);
    const familyRows = groups.filter((g) => g.kind.startsWith('liknande_') && g.kind !== 'liknande_ekonomiskt_bistand');
    expect(familyRows.map((g) => `${g.group_id}|${g.member_id}`).sort()).toEqual(
      families.map((r) => `${r.group_id}|${r.member_id}`).sort(),
    );
    const aldre = familyRows.filter((g) => g.title === 'Liknande kommuner äldreomsorg, Alingsås, 2024');
    expect(new Set(aldre.map((g) => [g.kind, g.edition, g.owner_id].join('|')))).toEqual(new Set(['liknande_aldreomsorg|2024|1489']));
    expect(new Set(groups.map((g) => g.kind))).toEqual(
      new Set(['skr_kommungrupp', 'liknande_ekonomiskt_bistand', ...familyRows.map((g) => g.kind)]),
    );
    expect(new Set(familyRows.map((g) => g.kind)).size).toBeGreaterThanOrEqual(10);

    // the catalogue: every KPI of /kpi, with its area, and the direction from the repo's table
    const catalogue = readOut(out, 'catalogue.csv');
    const metaRows = readCsv('kpi_metadata_2026-03.csv');
    expect(catalogue.map((k) => k.id)).toEqual(metaRows.map((k) => k.id).sort());
    const n31825 = catalogue.find((k) => k.id === 'N31825')!;
    expect(n31825.title).toBe(metaRows.find((k) => k.id === 'N31825')!.title);
    expect(n31825.operating_area).toBe(metaRows.find((k) => k.id === 'N31825')!.operating_area);

    // KPIs
    const kpis = readOut(out, 'kpis.csv');
    const meta = new Map(readCsv('kpi_metadata_2026-03.csv').map((k) => [k.id, k]));
    expect(kpis.map((k) => k.id).sort()).toEqual([...PANEL].sort());
    for (const k of kpis) {
      expect(k.title).toBe(meta.get(k.id)!.title);
      expect(k.is_divided_by_gender).toBe(meta.get(k.id)!.is_divided_by_gender === 'TRUE' ? 'true' : 'false');
      expect(k.source).toBe('Kolada (RKA)');
    }
    expect(kpis.find((k) => k.id === 'N31001')!.unit).toBe('kr/inv');
    expect(kpis.find((k) => k.id === 'U31462')!.unit).toBe('%');
    // direction from the one table (src/data/kpi-directions.csv), as the directory path writes it
    expect(kpis.find((k) => k.id === 'U31462')!.higher_is_better).toBe(String(higherIsBetter('U31462')));
    expect(higherIsBetter('U31462')).toBe(true);

    // the site's data step takes the output as it is: every family with its edition, the whole catalogue
    const site = await prepareSiteData(out, join(tmp, 'site-cache'));
    expect(site.meta.families.map((f) => f.family).sort()).toEqual(
      [...new Set(familyRows.map((g) => g.kind.slice('liknande_'.length)))].concat('ekonomiskt_bistand').sort(),
    );
    expect(site.meta.catalogueSize).toBe(metaRows.length);

    // manifest
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name: 'Kolada',
      sample: false,
      retrieved: '2026-11-23',
      source: 'Kolada (RKA)',
      licence: 'CC BY 4.0',
      since: null,
    });
    expect(manifest.api).toEqual({ base_url: server.baseUrl, version: 'v3' });
    expect(manifest.kpis).toEqual(PANEL);
    expect(manifest.rows).toEqual({ values: values.length, kpis: 8, municipalities: 312, groups: groups.length });
    // state cleared after success, no temp directories left
    expect(existsSync(join(tmp, 'state', 'pages'))).toBe(false);
    expect(readdirSync(tmp).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('fails cleanly, leaves the earlier output untouched and resumes without refetching completed pages', async () => {
    const out = join(tmp, 'data');
    const before = readFileSync(join(out, 'values.csv'), 'utf8');
    const start = server.log.length;
    const broken = {
      kind: '500' as const,
      when: (r: { path: string; page: number }) => r.path.includes('/municipality/1') && r.page === 2,
      times: 1000,
    };
    server.faults.push(broken);
    await expect(refreshKoladaData(options({ client: { sleep: async () => {}, random: () => 0, maxRetries: 2 } }))).rejects.toThrow(
      /failed after 3 attempts; last error: HTTP 500/,
    );
    expect(readFileSync(join(out, 'values.csv'), 'utf8')).toBe(before);
    expect(readdirSync(tmp).filter((f) => f.includes('.tmp-'))).toEqual([]);
    const firstRun = server.log.slice(start);
    const completed = new Set(firstRun.filter((l) => l.status === 200 && !l.fault).map((l) => l.url));
    expect(completed.size).toBeGreaterThan(3);

    server.faults.splice(server.faults.indexOf(broken), 1);
    const mark = server.log.length;
    const result = await refreshKoladaData(options());
    expect(result.resumed).toBe(true);
    const secondRun = server.log.slice(mark);
    expect(secondRun.filter((l) => completed.has(l.url))).toEqual([]);
    expect(result.manifest.requests.from_resume_cache).toBe(completed.size);
    expectSameValues(out, sourceValues(PANEL));
  });

  it('--since fetches changes with from_date and merges them (updates, deletions, a new KPI fetched whole)', async () => {
    const out = join(tmp, 'data');
    const expected = sourceValues(PANEL);
    server.update('N00090', '0180', 2022, { M: 1.25, T: null, K: 2.5 }, '2026-11-20');
    server.update('U31462', '1489', 2023, { T: 77.7, K: 70, M: 80 }, '2026-11-21');
    server.remove('N31001', '0114', 2020, '2026-11-22');
    expected.set('N00090|0180|2022|M', '1.25').set('N00090|0180|2022|T', '').set('N00090|0180|2022|K', '2.5');
    expected.set('U31462|1489|2023|T', '77.7').set('U31462|1489|2023|K', '70').set('U31462|1489|2023|M', '80');
    for (const g of ['T', 'K', 'M']) expected.delete(`N31001|0114|2020|${g}`);
    for (const [k, v] of sourceValues(['N00700'])) expected.set(k, v);

    const mark = server.log.length;
    const result = await refreshKoladaData(options({ since: '2026-11-01', kpis: [...PANEL, 'N00700'] }));
    const requests = server.log.slice(mark).filter((l) => l.path.startsWith('/v3/data/'));
    expect(requests.filter((l) => l.url.includes('from_date=2026-11-01')).length).toBeGreaterThan(0);
    expect(requests.filter((l) => !l.url.includes('from_date')).every((l) => l.path.startsWith('/v3/data/kpi/N00700/'))).toBe(true);
    expectSameValues(out, expected);
    expect(result.manifest.since).toBe('2026-11-01');
    expect(result.manifest.merged_into).toBe('2026-11-23T08:00:00.000Z');
    expect(result.manifest.kpis).toContain('N00700');
  });

  it('the CLI prints a dry-run plan from the earlier output, and exits non-zero with a clear message on failure', async () => {
    const tsx = join(REPO_DIR, 'node_modules/.bin/tsx');
    const cli = join(REPO_DIR, 'scripts/data-kolada.ts');
    const dry = await run(tsx, [cli, '--dry-run', '--out', join(tmp, 'data'), '--state-dir', join(tmp, 'state')], { cwd: REPO_DIR });
    expect(dry.stdout).toContain(
      'GET https://api.kolada.se/v3/kpi/U31462,U31001,N31004,N31001,N31008,N40011,U40455,N00090?page=1&per_page=5000',
    );
    expect(dry.stdout).toContain('Data requests (13 = 1 KPI chunk(s) × 13 municipality chunk(s); 312 units');
    expect(dry.stdout).toContain('/data/kpi/U31462,U31001,N31004,N31001,N31008,N40011,U40455,N00090/municipality/0000,0001,0003,');
    expect(server.log.length).toBeGreaterThan(0);

    const failed = await run(
      tsx,
      [cli, '--base-url', server.baseUrl + '/nope', '--out', join(tmp, 'cli-out'), '--state-dir', join(tmp, 'cli-state')],
      { cwd: REPO_DIR },
    ).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/data:kolada failed: HTTP 404/);
    expect(existsSync(join(tmp, 'cli-out'))).toBe(false);

    const ok = await run(tsx, [cli, '--base-url', server.baseUrl, '--out', join(tmp, 'cli-out'), '--state-dir', join(tmp, 'cli-state')], {
      cwd: REPO_DIR,
    });
    expect(ok.stdout).toMatch(/Kolada v3 → .*cli-out: \d+ values, 8 KPIs, 312 municipalities/);
    // the server now holds the changes of the --since test: a full refresh must equal the incremental merge
    const merged = new Map(
      readOut(join(tmp, 'data'), 'values.csv')
        .filter((r) => r.kpi !== 'N00700')
        .map((r) => [key(r), r.value]),
    );
    expectSameValues(join(tmp, 'cli-out'), merged);
  });
});
