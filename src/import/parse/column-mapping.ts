/**
 * Any table as people export it, described column by column: which row is the header, and per
 * column what it holds. One model covers long files (`Kommun;Period;Åldersgrupp;Sjukfrånvaro (%)`),
 * months or years as columns, breakdowns (åldersgrupp, avslutsorsak, "Totalt") as columns or rows,
 * and files without a kommun column (the user's chosen kommun is used).
 *
 * detectTableMapping proposes a mapping the page shows and the user can change;
 * applyTableMapping turns rows + mapping into candidate rows for validate-import.ts. Each series in
 * the file (a KPI cell, a breakdown cell or a value column's header) becomes its own "KPI in the
 * file", which the user then sends to a destination (X90001_29 …). Never throws.
 */
import { parseNumber } from './parse-number.ts';
import { combineYearMonth, parseMonth, parsePeriod } from './parse-period.ts';
import { normaliseHeader } from './parse-long-csv.ts';
import type { MunicipalityResolver } from './resolve-municipality.ts';
import { parseGender, type CandidateRow, type RejectedRow } from './validate-import.ts';

export type ColumnRole =
  | 'ignore'
  | 'municipality'
  | 'period'
  | 'year'
  | 'month'
  | 'gender'
  | 'kpi'
  | 'breakdown'
  | 'status'
  /** one value per row */
  | 'value'
  /** the header is the period (a month alone takes the year from the year column) */
  | 'value-per-period'
  /** the header is a breakdown: an age group, an outcome, "Totalt" */
  | 'value-per-breakdown'
  /** the header is a kommun */
  | 'value-per-municipality';

export const COLUMN_ROLE_LABELS: Record<ColumnRole, string> = {
  ignore: 'Används inte',
  municipality: 'Kommun',
  period: 'Period (år eller månad)',
  year: 'År',
  month: 'Månad',
  gender: 'Kön',
  kpi: 'Nyckeltal',
  breakdown: 'Uppdelning (t.ex. åldersgrupp)',
  status: 'Status',
  value: 'Värde',
  'value-per-period': 'Värden – rubriken är perioden',
  'value-per-breakdown': 'Värden – rubriken är uppdelningen',
  'value-per-municipality': 'Värden – rubriken är kommunen',
};

export const VALUE_ROLES: readonly ColumnRole[] = ['value', 'value-per-period', 'value-per-breakdown', 'value-per-municipality'];

export interface TableMapping {
  /** 0-based row of the header; rows above it are titles and are skipped */
  headerRow: number;
  roles: ColumnRole[];
}

export interface MappingDefaults {
  /** the kommun chosen on the page, for files without a kommun column */
  municipality?: string;
  /** series name when nothing in the file names one (from the file name) */
  kpi: string;
}

const HEADER_SCAN_ROWS = 15;
const SAMPLE_ROWS = 60;

const ROLE_ALIASES: [ColumnRole, string[]][] = [
  ['kpi', ['kpi', 'kpi id', 'kpiid', 'nyckeltal', 'nyckeltal id', 'nyckeltalsid', 'nyckeltals id', 'indikator']],
  [
    'municipality',
    [
      'municipality id',
      'municipality',
      'geo',
      'kommun',
      'kommunkod',
      'kommun kod',
      'kommun id',
      'kommunid',
      'kommunnamn',
      'kommun namn',
      'kommunnummer',
      'kommunnr',
    ],
  ],
  ['period', ['period', 'tid', 'tidpunkt', 'tidsperiod', 'datum']],
  ['year', ['år', 'ar', 'year', 'årtal']],
  ['month', ['månad', 'manad', 'month', 'mån']],
  ['gender', ['gender', 'kön', 'kon', 'sex']],
  [
    'breakdown',
    [
      'åldersgrupp',
      'aldersgrupp',
      'ålder',
      'alder',
      'åldersklass',
      'grupp',
      'kategori',
      'avslutsorsak',
      'orsak',
      'avslut',
      'typ',
      'uppdelning',
      'yrkesgrupp',
      'förvaltning',
    ],
  ],
  ['status', ['status', 'statuskod', 'status code']],
  ['value', ['value', 'värde', 'varde', 'utfall', 'resultat', 'antal', 'andel']],
];
const ALIAS = new Map<string, ColumnRole>();
for (const [role, names] of ROLE_ALIASES) for (const n of names) ALIAS.set(normaliseHeader(n), role);

const nonEmpty = (r: readonly string[]) => r.filter((c) => String(c ?? '').trim() !== '').length;
const isNumberCell = (s: string) => {
  const t = s.trim();
  if (t === '') return false;
  return parseNumber(t, ',').ok || parseNumber(t, '.').ok;
};
const isYearCell = (s: string) => /^\d{4}$/.test(s.trim()) && Number(s) >= 1900 && Number(s) <= 2100;
const isPeriodCell = (s: string) => s.trim() !== '' && parsePeriod(s).ok;
const isMonthOnly = (s: string) => s.trim() !== '' && !/\d/.test(s) && parseMonth(s) !== null;
const share = (cells: string[], f: (s: string) => boolean) => (cells.length ? cells.filter(f).length / cells.length : 0);

/** Header text to role by name ("Sjukfrånvaro (%)" names no role; "Åldersgrupp" does). */
export function roleFromHeader(header: string): ColumnRole | null {
  return ALIAS.get(normaliseHeader(header)) ?? null;
}

/** The first row that looks like a header: at least two cells, most of the table's width. */
function findHeaderRow(rows: readonly (readonly string[])[]): number {
  const sample = rows
    .slice(0, SAMPLE_ROWS)
    .map(nonEmpty)
    .filter((n) => n > 1);
  const counts = new Map<number, number>();
  for (const n of sample) counts.set(n, (counts.get(n) ?? 0) + 1);
  const width = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 1;
  for (let h = 0; h < Math.min(rows.length - 1, HEADER_SCAN_ROWS); h++) {
    const n = nonEmpty(rows[h]);
    if (n >= 2 && n >= Math.ceil(width * 0.6)) return h;
  }
  return 0;
}

export interface DetectedMapping {
  mapping: TableMapping;
  notes: string[];
}

/** Proposes a mapping from headers and cell contents. */
export function detectTableMapping(rows: readonly (readonly string[])[], resolver: MunicipalityResolver): DetectedMapping {
  const headerRow = findHeaderRow(rows);
  const header = rows[headerRow] ?? [];
  const width = Math.max(0, ...rows.slice(headerRow, headerRow + SAMPLE_ROWS).map((r) => r.length));
  const data = rows.slice(headerRow + 1, headerRow + 1 + SAMPLE_ROWS).filter((r) => nonEmpty(r) > 0);
  const resolves = (s: string) => s.trim() !== '' && resolver(s).ok;
  const roles: ColumnRole[] = [];
  const numeric: number[] = [];
  for (let i = 0; i < width; i++) {
    const head = String(header[i] ?? '').trim();
    const cells = data.map((r) => String(r[i] ?? '').trim()).filter((c) => c !== '');
    const named = roleFromHeader(head);
    const numberShare = share(cells, isNumberCell);
    if (cells.length === 0 && head === '') {
      roles.push('ignore');
      continue;
    }
    if (named && named !== 'value') {
      roles.push(named);
      continue;
    }
    if (head !== '' && isPeriodCell(head) && numberShare >= 0.5) roles.push('value-per-period');
    else if (head !== '' && isMonthOnly(head) && numberShare >= 0.5) roles.push('value-per-period');
    else if (named === 'value') roles.push('value');
    else if (head !== '' && resolves(head) && !isYearCell(head) && numberShare >= 0.5) roles.push('value-per-municipality');
    else if (share(cells, isYearCell) >= 0.8) roles.push('year');
    else if (share(cells, isPeriodCell) >= 0.8) roles.push('period');
    else if (share(cells, (c) => resolves(c) && !/^\d{1,3}$/.test(c)) >= 0.8 && numberShare < 0.8) roles.push('municipality');
    else if (numberShare >= 0.6) {
      roles.push('value');
      numeric.push(i);
    } else if (cells.length && share(cells, (c) => parseGender(c).ok) === 1) roles.push('gender');
    else if (cells.length) roles.push('breakdown');
    else roles.push('ignore');
  }
  // Several unnamed number columns: one series per column, named by its header.
  if (numeric.length > 1 || (numeric.length === 1 && roles.some((r) => r === 'value-per-period' || r === 'value-per-breakdown'))) {
    for (const i of numeric) roles[i] = 'value-per-breakdown';
  }
  // A month column and no year column: the month cells carry the year ("Januari 2022").
  if (roles.includes('month') && !roles.includes('year')) roles[roles.indexOf('month')] = 'period';
  const notes: string[] = [];
  if (headerRow > 0)
    notes.push(
      `${headerRow === 1 ? 'Den första raden ser ut som en rubrik' : `De ${headerRow} första raderna ser ut som rubriker`} och hoppas över.`,
    );
  return { mapping: { headerRow, roles }, notes };
}

/** What a mapping still lacks, in Swedish, or null when it can be used. */
export function mappingProblem(mapping: TableMapping, defaults: Pick<MappingDefaults, 'municipality'>): string | null {
  const has = (r: ColumnRole) => mapping.roles.includes(r);
  if (!VALUE_ROLES.some(has)) return 'Ange minst en kolumn med värden.';
  if (!has('period') && !has('year') && !has('value-per-period'))
    return 'Ange vilken kolumn som innehåller perioden (år eller månad), eller att kolumnrubrikerna är perioder.';
  if (!has('municipality') && !has('value-per-municipality') && !defaults.municipality)
    return 'Filen har ingen kolumn för kommun. Välj vilken kommun uppgifterna gäller.';
  return null;
}

/** A series' name from its parts (KPI cell, breakdown cell, value header), or the default. */
function seriesName(parts: string[], fallback: string): string {
  const p = parts.map((x) => x.trim()).filter((x) => x !== '');
  return p.length ? p.join(' – ') : fallback;
}

/**
 * Rows + mapping → candidate rows (one per value cell; empty cells are missing values).
 * `lines[i]` is the file line of `rows[i]`. Blank rows and rows without any key cell are skipped.
 */
export function applyTableMapping(
  rows: readonly (readonly string[])[],
  lines: readonly number[],
  mapping: TableMapping,
  defaults: MappingDefaults,
): { candidates: CandidateRow[]; problems: RejectedRow[] } {
  const header = rows[mapping.headerRow] ?? [];
  const idx = (role: ColumnRole) => mapping.roles.indexOf(role);
  const all = (role: ColumnRole) => mapping.roles.flatMap((r, i) => (r === role ? [i] : []));
  const [muniCol, periodCol, yearCol, monthCol, genderCol, kpiCol, statusCol] = (
    ['municipality', 'period', 'year', 'month', 'gender', 'kpi', 'status'] as const
  ).map(idx);
  const breakdownCols = all('breakdown');
  const valueCols = mapping.roles.flatMap((r, i) => (VALUE_ROLES.includes(r) ? [i] : []));
  const valueHeader = valueCols.length === 1 && mapping.roles[valueCols[0]] === 'value' ? String(header[valueCols[0]] ?? '').trim() : '';
  const fallbackName = valueHeader && !roleFromHeader(valueHeader) ? valueHeader : defaults.kpi;
  const candidates: CandidateRow[] = [];
  const problems: RejectedRow[] = [];
  const keyCols = [muniCol, periodCol, yearCol, monthCol, kpiCol, ...breakdownCols].filter((i) => i >= 0);
  for (let r = mapping.headerRow + 1; r < rows.length; r++) {
    const row = rows[r];
    const cell = (i: number) => (i >= 0 ? String(row[i] ?? '').trim() : '');
    if (nonEmpty(row) === 0) continue;
    if (keyCols.length && keyCols.every((i) => cell(i) === '') && valueCols.every((i) => cell(i) === '')) continue;
    const line = lines[r] ?? r + 1;
    const raw = row.join(';');
    let basePeriod = '';
    if (periodCol >= 0) basePeriod = cell(periodCol);
    else if (yearCol >= 0 && monthCol >= 0) {
      const p = combineYearMonth(cell(yearCol), cell(monthCol));
      basePeriod = p.ok ? p.period : `${cell(yearCol)} ${cell(monthCol)}`;
    } else if (yearCol >= 0) basePeriod = cell(yearCol);
    const baseName = [cell(kpiCol), ...breakdownCols.map(cell)];
    for (const c of valueCols) {
      const role = mapping.roles[c];
      const head = String(header[c] ?? '').trim();
      let period = basePeriod;
      let municipality = muniCol >= 0 ? cell(muniCol) : (defaults.municipality ?? '');
      const name = [...baseName];
      if (role === 'value-per-period') {
        if (isMonthOnly(head) && yearCol >= 0) {
          const p = combineYearMonth(cell(yearCol), head);
          period = p.ok ? p.period : `${cell(yearCol)} ${head}`;
        } else period = head;
      } else if (role === 'value-per-municipality') municipality = head;
      else if (role === 'value-per-breakdown') name.push(head);
      if (municipality === '') {
        problems.push({ line, reason: 'Kommun saknas: filen har ingen kommunkolumn. Välj kommun ovan.', raw });
        break;
      }
      candidates.push({
        line,
        raw,
        kpi: seriesName(name, fallbackName),
        municipality,
        period,
        gender: genderCol >= 0 ? cell(genderCol) : 'T',
        value: cell(c),
        ...(statusCol >= 0 ? { status: cell(statusCol) } : {}),
      });
    }
  }
  return { candidates, problems };
}
