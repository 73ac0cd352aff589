/**
 * Seeds src/data/kpi-directions.csv, the one table of which way is better per KPI:
 *
 *   npx tsx scripts/seed-kpi-directions.ts [KOLADA_DIR]     (default ../shared/data/kolada-full)
 *
 * Rows marked `manuell` in the existing table are kept as they are (edit them by hand); every other
 * catalogue KPI gets the direction of the first title rule below that matches, else `neither` (`okänd`).
 * Only ids and directions are written, never titles or values.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { DIRECTIONS_FILE, parseDirections, type Direction, type DirectionRow } from '../src/data/kpi-directions.ts';

/** Judged from Kolada's definitions (and the synthetic series of the sample data). */
const MANUAL: Record<string, Direction> = {
  U31462: 'higher',
  U40455: 'higher',
  N00090: 'lower',
  U31001: 'neither',
  N31004: 'neither',
  N31001: 'neither',
  N31008: 'neither',
  N40011: 'neither',
  N31002: 'neither',
  N31825: 'neither',
  X90001: 'lower',
  X90001_29: 'lower',
  X90001_30_49: 'lower',
  X90001_50: 'lower',
  X40000: 'neither',
  X40001: 'neither',
  X40002: 'neither',
  X40003: 'neither',
  X40004: 'neither',
};

/** Title rules, first match wins; costs and volumes come first because they say nothing about better. */
export const RULES: [string, RegExp, Direction][] = [
  ['osäkerhetstal', /osäkerhetstal|konfidensintervall|svarsfrekvens|antal svar/, 'neither'],
  ['kostnad eller kronor', /kostnad|kr\/|\bkr\b|kronor|intäkt|skattesats|avgift|\btkr\b|mnkr/, 'neither'],
  ['missnöjd', /missnöjd|ej nöjd|inte nöjd|ej trygg|otrygg/, 'lower'],
  ['nöjd / trygg / bemötande', /nöjd|nöjdhet|trygg|bemötande|förtroende för|gott intryck|bra helhetsintryck|helhetsbedömning/, 'higher'],
  ['ej återaktualiserade', /ej återaktualiserade|inte återaktualiserade/, 'higher'],
  ['återaktualiserade', /återaktualiserade/, 'lower'],
  ['väntetid', /väntetid|väntedagar|dagar från|dagar till|handläggningstid|responstid/, 'lower'],
  ['sjukfrånvaro', /sjukfrånvaro|ohälsotal|sjukpenningtal/, 'lower'],
  ['arbetslöshet', /arbetslös|långtidsarbetslös|utan arbete/, 'lower'],
  ['utsatthet', /trångbodd|ekonomisk utsatthet|låg inkomststandard|barnfattigdom|vräkning|avhysning/, 'lower'],
  ['skador och dödsfall', /döda|dödsfall|avlidna|skadade|olyckor|fallskador|trycksår|undvikbar/, 'lower'],
  ['personal som brukaren möter', /antal personal som|antal olika personal/, 'lower'],
  ['behörighet / examen / kunskapskrav', /behörig|examen|uppnått|kunskapskrav|godkänd|fullföljt|klarat|minst e i/, 'higher'],
  [
    'arbete eller studier',
    /börjat arbeta|arbete eller studie|till arbete|förvärvsarbet|etablerade på arbetsmarknaden|självförsörj/,
    'higher',
  ],
  ['valdeltagande', /valdeltagande|röstberättigade som röstat/, 'higher'],
  [
    'genomförandeplan / uppföljning',
    /aktuell genomförandeplan|aktuella genomförandeplaner|har aktuell|har rutin|har dokumentation|brukarinflytande|möjlighet att påverka/,
    'higher',
  ],
];

export function ruleDirection(title: string): { direction: Direction; basis: string } {
  const t = title.toLowerCase();
  for (const [name, re, direction] of RULES) if (re.test(t)) return { direction, basis: `regel: ${name}` };
  return { direction: 'neither', basis: 'okänd' };
}

function readCsv(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

function main(): void {
  const dir = resolve(process.argv[2] ?? '../shared/data/kolada-full');
  const files = readdirSync(dir);
  const titles = new Map<string, string>();
  for (const f of files.filter((f) => /^kpi_results_.*\.csv$/.test(f)).sort())
    for (const r of readCsv(join(dir, f))) titles.set(r.concept.toUpperCase(), r.name);
  for (const f of files.filter((f) => /^kpi_metadata_.*\.csv$/.test(f)).sort())
    for (const r of readCsv(join(dir, f))) titles.set(r.id, r.title);
  const kept = new Map<string, DirectionRow>();
  if (existsSync(DIRECTIONS_FILE))
    for (const r of parseDirections(readFileSync(DIRECTIONS_FILE, 'utf8'))) if (r.basis === 'manuell') kept.set(r.id, r);
  for (const [id, direction] of Object.entries(MANUAL)) if (!kept.has(id)) kept.set(id, { id, direction, basis: 'manuell' });
  const rows = new Map(kept);
  for (const [id, title] of titles) if (!rows.has(id)) rows.set(id, { id, ...ruleDirection(title) });
  const sorted = [...rows.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  writeFileSync(DIRECTIONS_FILE, ['id,direction,basis', ...sorted.map((r) => `${r.id},${r.direction},${r.basis}`)].join('\n') + '\n');
  const count = (d: Direction) => sorted.filter((r) => r.direction === d).length;
  console.log(
    `Wrote ${DIRECTIONS_FILE}: ${sorted.length} KPIs, higher ${count('higher')}, lower ${count('lower')}, neither ${count('neither')}`,
  );
}

if (process.argv[1]?.endsWith('seed-kpi-directions.ts')) main();
