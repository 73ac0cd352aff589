import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupMemberRow, ValueRow } from '../../src/data/contract.ts';
import { writeContractDirectory } from '../../src/data/write-directory.ts';
import { DEFAULT_OUT_DIR, generateSampleData } from '../../scripts/generate-sample-data.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = join(ROOT, 'scripts', 'generate-sample-data.ts');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const FILES = ['values.csv', 'kpis.csv', 'municipalities.csv', 'groups.csv', 'targets.csv', 'manifest.json', 'catalogue.csv'];

function readDir(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}
function parse(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true, dynamicTyping: false }).data;
}

let tmp: string;
let first: Record<string, string>;
let second: Record<string, string>;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'jamfor-sample-'));
  // run the CLI twice into two fresh directories
  for (const name of ['a', 'b']) execFileSync(TSX, [SCRIPT, join(tmp, name)], { stdio: 'pipe' });
  first = readDir(join(tmp, 'a'));
  second = readDir(join(tmp, 'b'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('generate-sample-data', () => {
  it('writes all contract files, byte-identical between runs', () => {
    expect(Object.keys(first).sort()).toEqual([...FILES].sort());
    for (const f of FILES) expect(second[f], f).toBe(first[f]);
  });

  it('generateSampleData() renders the same bytes as the CLI and as the committed data/sample', () => {
    const dir = join(tmp, 'c');
    writeContractDirectory(dir, generateSampleData());
    const third = readDir(dir);
    const committed = readDir(DEFAULT_OUT_DIR);
    for (const f of FILES) {
      expect(third[f], f).toBe(first[f]);
      expect(committed[f], `data/sample/${f} is stale: run npm run data:sample`).toBe(first[f]);
    }
  });

  it('manifest marks the data as sample', () => {
    expect(JSON.parse(first['manifest.json'])).toEqual({
      name: 'Exempeldata',
      sample: true,
      retrieved: null,
      source: 'Exempeldata – inte officiell statistik',
      licence: 'CC BY 4.0',
    });
  });

  it('lists Riket, 21 regions and 290 kommuner with 4-character string ids', () => {
    const units = parse(first['municipalities.csv']);
    expect(units).toHaveLength(312);
    expect(units.filter((u) => u.type === 'K')).toHaveLength(290);
    expect(units.find((u) => u.id === '0000')?.name).toBe('Riket');
    expect(units.filter((u) => /^00\d\d$/.test(u.id) && u.id !== '0000')).toHaveLength(21);
    for (const u of units) expect(u.id).toMatch(/^[0-9]{4}$/);
    expect(units.find((u) => u.id === '0180')).toMatchObject({ name: 'Stockholm', county_code: '01', skr_group_code: 'A1' });

    const values = parse(first['values.csv']);
    for (const v of values) expect(v.municipality_id).toMatch(/^[0-9]{4}$/);
    const withValues = new Set(values.map((v) => v.municipality_id));
    expect(withValues.has('0000')).toBe(true);
    for (const u of units.filter((u) => u.type === 'K')) expect(withValues.has(u.id), u.id).toBe(true);
    expect(values.some((v) => v.municipality_id === '0180')).toBe(true);
  });

  it('every kommun has two liknande groups (2022, 2023) of 7 members, never itself; 9 SKR groups', () => {
    const groups = parse(first['groups.csv']);
    const kommuner = parse(first['municipalities.csv']).filter((u) => u.type === 'K');
    const liknande = groups.filter((g) => g.kind === 'liknande_ekonomiskt_bistand');
    for (const k of kommuner) {
      const own = liknande.filter((g) => g.owner_id === k.id);
      const editions = [...new Set(own.map((g) => g.edition))].sort();
      expect(editions, k.id).toEqual(['2022', '2023']);
      const sets = editions.map((e) => own.filter((g) => g.edition === e).map((g) => g.member_id));
      for (const members of sets) {
        expect(members, k.id).toHaveLength(7);
        expect(new Set(members).size).toBe(7);
        expect(members).not.toContain(k.id);
        for (const m of members) expect(m).toMatch(/^[0-9]{4}$/);
      }
      expect(sets[0].slice().sort().join()).not.toBe(sets[1].slice().sort().join());
      expect(new Set(own.map((g) => g.group_id)).size).toBe(1);
      expect(own[0].title).toBe(`Liknande kommuner ekonomiskt bistånd, ${k.name}, ${own[0].edition}`);
    }
    const skr = groups.filter((g) => g.kind === 'skr_kommungrupp');
    expect(new Set(skr.map((g) => g.group_id)).size).toBe(9);
    expect(skr).toHaveLength(290);
    expect(skr.every((g) => g.edition === '2023')).toBe(true);
    expect(skr.find((g) => g.group_id === 'SKR-A1')?.title).toBe('Storstäder (SKR 2023)');
  });

  it('has missing values written as empty, never as 0, plus status markers', () => {
    const data = generateSampleData();
    const rows = [...data.values] as ValueRow[];
    const missing = rows.filter((r) => r.value === null);
    expect(missing.length).toBeGreaterThan(1000);

    const lines = first['values.csv'].trimEnd().split('\n');
    expect(lines).toHaveLength(rows.length + 1);
    const csv = parse(first['values.csv']);
    const empty = csv.filter((r) => r.value === '');
    expect(empty.length).toBe(missing.length);
    csv.forEach((r, i) => {
      if (rows[i].value === null) expect(r.value, `line ${i + 2}`).toBe('');
    });
    expect(csv.some((r) => r.status === '..' && r.value === '')).toBe(true);
    expect(csv.every((r) => r.status === '' || r.value === '')).toBe(true);

    // kommun/year rows with an empty T value: roughly 3–5 % for the yearly Kolada KPIs
    const kommunT = csv.filter(
      (r) => r.gender === 'T' && !r.municipality_id.startsWith('00') && /^\d{4}$/.test(r.period) && !r.kpi.startsWith('X'),
    );
    const share = kommunT.filter((r) => r.value === '').length / kommunT.length;
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.05);

    // some kommuner start U40455 later than 2010
    const starts = new Map<string, string>();
    for (const r of csv)
      if (r.kpi === 'U40455' && r.gender === 'T' && !r.municipality_id.startsWith('00') && !starts.has(r.municipality_id))
        starts.set(r.municipality_id, r.period);
    expect([...starts.values()].filter((p) => p !== '2010').length).toBeGreaterThan(10);

    // the (kpi, municipality_id, period, gender) key is unique
    expect(new Set(csv.map((r) => `${r.kpi}|${r.municipality_id}|${r.period}|${r.gender}`)).size).toBe(csv.length);
  });

  it('has the example targets', () => {
    const targets = parse(first['targets.csv']);
    const has = (id: string, kpi: string, target: string, cmp: string) =>
      targets.some((t) => t.municipality_id === id && t.kpi === kpi && t.period === '2024' && t.target === target && t.comparison === cmp);
    expect(has('1489', 'U31462', '75', '>=')).toBe(true);
    expect(targets.find((t) => t.municipality_id === '1489' && t.kpi === 'U31462')?.source_text).toBe('Exempel: socialnämndens mål 2024');
    expect(has('1286', 'U31462', '90', '>=')).toBe(true);
    expect(has('1286', 'U40455', '40', '>=')).toBe(true);
    expect(has('1861', 'U40455', '10', '>=')).toBe(true);
    expect(targets.length).toBeGreaterThanOrEqual(6);
  });

  it('is synthetic: U31462 differs from known real Kolada values', () => {
    const csv = parse(first['values.csv']);
    const value = (id: string, period: string) =>
      csv.find((r) => r.kpi === 'U31462' && r.municipality_id === id && r.period === period && r.gender === 'T')?.value;
    const real: [string, string, string][] = [
      ['1286', '2019', '82'],
      ['1286', '2020', '88'],
      ['1286', '2021', '92'],
      ['1861', '2021', '66'],
      ['1861', '2022', '65'],
      ['1489', '2022', '81'],
    ];
    for (const [id, period, v] of real) {
      const got = value(id, period);
      expect(got, `${id} ${period}`).toBeDefined();
      expect(Number(got), `${id} ${period}`).not.toBe(Number(v));
    }
  });

  it('tells the intended stories for the anchor kommuner', () => {
    const csv = parse(first['values.csv']);
    const groups = parse(first['groups.csv']) as unknown as (Omit<GroupMemberRow, 'edition'> & { edition: string })[];
    const index = new Map(csv.map((r) => [`${r.kpi}|${r.municipality_id}|${r.period}|${r.gender}`, r]));
    const v = (kpi: string, id: string, period: string) => {
      const s = index.get(`${kpi}|${id}|${period}|T`)?.value;
      return s === undefined || s === '' ? null : Number(s);
    };
    // Alingsås below its 75 target in 2023 and 2024
    expect(v('U31462', '1489', '2023')!).toBeLessThan(75);
    expect(v('U31462', '1489', '2024')!).toBeLessThan(75);
    // Ystad above the mean of its liknande group
    for (const edition of ['2022', '2023']) {
      const members = groups.filter((g) => g.owner_id === '1286' && g.edition === edition).map((g) => g.member_id);
      const vals = members.map((m) => v('U31462', m, edition)).filter((x): x is number => x !== null);
      const mean = vals.reduce((a, b) => a + b, 0) / vals.length;
      expect(v('U31462', '1286', edition)!).toBeGreaterThan(mean);
    }
    // sick leave: women above men
    for (const r of csv.filter((r) => r.kpi === 'N00090' && r.gender === 'K' && r.value !== '')) {
      const m = index.get(`N00090|${r.municipality_id}|${r.period}|M`);
      if (m && m.value !== '') expect(Number(r.value)).toBeGreaterThan(Number(m.value));
    }
    // monthly series: 36 months for 6 kommuner, winter above summer
    const monthly = csv.filter((r) => r.kpi === 'X90001' && r.gender === 'T');
    expect(new Set(monthly.map((r) => r.municipality_id))).toEqual(new Set(['0180', '0780', '1286', '1489', '1861', '2480']));
    for (const id of ['0180', '0780', '1286', '1489', '1861', '2480']) {
      const months = monthly.filter((r) => r.municipality_id === id);
      expect(months).toHaveLength(36);
      const avg = (mm: string[]) => months.filter((r) => mm.includes(r.period.slice(5))).reduce((a, r) => a + Number(r.value), 0);
      expect(avg(['01', '02', '12'])).toBeGreaterThan(avg(['06', '07', '08']));
    }
  });
});
