/**
 * The contract's long format – one value per row – with English or Swedish headers:
 *   kpi | nyckeltal, municipality_id | kommun | kommunkod, period | år | månad | kvartal,
 *   gender | kön, value | värde, status.
 * Separate `år` and `månad` columns are combined into a month. Without a gender column every row
 * is T; without a KPI column `defaults.kpi` is used.
 */
import type { CandidateRow } from './validate-import.ts';
import { combineYearMonth } from './parse-period.ts';
import type { Delimiter } from './sniff-csv.ts';
import { formatCount } from '../../format/number.ts';

export type LongColumn = 'kpi' | 'municipality' | 'period' | 'year' | 'month' | 'quarter' | 'gender' | 'value' | 'status';

const ALIASES: Record<LongColumn, string[]> = {
  kpi: ['kpi', 'kpi_id', 'kpi id', 'kpiid', 'nyckeltal', 'nyckeltal id', 'nyckeltalsid', 'nyckeltals id', 'indikator'],
  municipality: [
    'municipality_id',
    'municipality',
    'geo',
    'municipality id',
    'kommun',
    'kommunkod',
    'kommun kod',
    'kommun_id',
    'kommunid',
    'kommun id',
    'kommunnamn',
    'kommun namn',
    'kommunnummer',
    'kommunnr',
    'kod',
  ],
  period: ['period', 'tid', 'tidpunkt', 'tidsperiod'],
  year: ['år', 'ar', 'year', 'årtal'],
  month: ['månad', 'manad', 'month', 'mån'],
  quarter: ['kvartal', 'quarter'],
  gender: ['gender', 'kön', 'kon', 'sex'],
  value: ['value', 'värde', 'varde', 'utfall', 'resultat'],
  status: ['status', 'statuskod', 'status_code'],
};

export function normaliseHeader(h: string): string {
  return String(h ?? '')
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase()
    .replace(/[_\-\s]+/g, ' ')
    .replace(/^"|"$/g, '');
}

const LOOKUP = new Map<string, LongColumn>();
for (const [col, names] of Object.entries(ALIASES) as [LongColumn, string[]][]) {
  for (const n of names) LOOKUP.set(normaliseHeader(n), col);
}

export type LongColumns = Partial<Record<LongColumn, number>>;

const KPI_ID_HEADER = /^[A-Za-z]\d{5}$/;

/**
 * The KPI named by the value column's header, as in the Kolada dump's DDF files (geo,year,u31462),
 * when the file has no KPI column of its own.
 */
export function kpiFromValueHeader(header: readonly string[], columns: LongColumns): string | undefined {
  if (columns.kpi !== undefined || columns.value === undefined) return undefined;
  const h = String(header[columns.value] ?? '').trim();
  return KPI_ID_HEADER.test(h) ? h.toUpperCase() : undefined;
}

/** Which header cell is which column; null when the header is not a long format header. */
export function detectLongColumns(header: readonly string[]): LongColumns | null {
  const cols: LongColumns = {};
  header.forEach((h, i) => {
    const c = LOOKUP.get(normaliseHeader(h));
    if (c && cols[c] === undefined) cols[c] = i;
  });
  if (cols.value === undefined) {
    const mapped = new Set(Object.values(cols));
    const named = header.map((h, i) => i).filter((i) => !mapped.has(i) && KPI_ID_HEADER.test(String(header[i] ?? '').trim()));
    if (named.length === 1) cols.value = named[0];
  }
  const hasPeriod = cols.period !== undefined || cols.year !== undefined;
  if (cols.municipality === undefined || !hasPeriod || cols.value === undefined) return null;
  return cols;
}

/**
 * The period text of one row: the period cell, or year + month (combined to 2023-01) or year +
 * quarter (2023-Q1) or the year alone. Shared with the SQL fast path (sql-long-csv.ts), which
 * calls it once per distinct combination of cells.
 */
export function longPeriodText(columns: LongColumns, cell: (index: number | undefined) => string): string {
  if (columns.period !== undefined) return cell(columns.period);
  const y = cell(columns.year);
  if (columns.month !== undefined) {
    const p = combineYearMonth(y, cell(columns.month));
    return p.ok ? p.period : `${y} ${cell(columns.month)}`;
  }
  if (columns.quarter !== undefined && cell(columns.quarter) !== '') {
    const q = cell(columns.quarter).replace(/^(q|k|kv|kvartal)\s*/i, '');
    return `${y}-Q${q}`;
  }
  return y;
}

export interface LongCsvParse {
  ok: true;
  candidates: CandidateRow[];
  columns: LongColumns;
  warnings: string[];
}

export type LongCsvResult = LongCsvParse | { ok: false; error: string };

/**
 * Rows (header first) → candidate rows. `lines[i]` is the file line of `rows[i]`.
 * Never throws; a header that is not a long format gives `{ok:false}`.
 */
export function parseLongRows(
  rows: readonly (readonly string[])[],
  lines: readonly number[],
  delimiter: Delimiter,
  defaults: { kpi?: string } = {},
): LongCsvResult {
  if (rows.length === 0) return { ok: false, error: 'Filen är tom.' };
  const columns = detectLongColumns(rows[0]);
  if (!columns) {
    return {
      ok: false,
      error:
        'Rubrikraden saknar kolumner för kommun, period (eller år) och värde – till exempel kpi,municipality_id,period,gender,value eller nyckeltal;kommun;år;kön;värde.',
    };
  }
  const warnings: string[] = [];
  defaults = { ...defaults, kpi: defaults.kpi ?? kpiFromValueHeader(rows[0], columns) };
  if (columns.kpi === undefined) {
    if (!defaults.kpi) return { ok: false, error: 'Filen har ingen kolumn för nyckeltal – välj vilket nyckeltal värdena gäller.' };
    warnings.push(`Filen har ingen kolumn för nyckeltal; alla värden läses som ${defaults.kpi}.`);
  }
  if (columns.gender === undefined) warnings.push('Filen har ingen kolumn för kön; alla värden läses som totalt (T).');
  const width = rows[0].length;
  const candidates: CandidateRow[] = [];
  let ragged = 0;
  const cell = (r: readonly string[], i: number | undefined) => (i === undefined ? '' : (r[i] ?? ''));
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
    if (r.length !== width) ragged++;
    const period = longPeriodText(columns, (i) => cell(r, i));
    candidates.push({
      line: lines[i] ?? i + 1,
      raw: r.join(delimiter === '\t' ? '\t' : delimiter),
      kpi: columns.kpi === undefined ? (defaults.kpi ?? '') : cell(r, columns.kpi),
      municipality: cell(r, columns.municipality),
      period,
      gender: cell(r, columns.gender),
      value: cell(r, columns.value),
      ...(columns.status !== undefined ? { status: cell(r, columns.status) } : {}),
    });
  }
  if (ragged > 0) warnings.push(`${formatCount(ragged, 'rad', 'rader')} har ett annat antal kolumner än rubrikraden.`);
  return { ok: true, candidates, columns, warnings };
}
