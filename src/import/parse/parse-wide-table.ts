/**
 * Wide tables as exported from Excel or Kolada's web UI:
 *  - 'municipality-rows': one row per kommun, one column per period   (Kommun;2019;2020;2021)
 *  - 'period-rows':       one row per period, one column per kommun    (År;Ale;Alingsås;Borås)
 * `detectWideLayout` proposes a mapping the UI can show and the user can change;
 * `applyWideMapping` turns rows + mapping into candidate rows for validate-import.ts.
 * Title rows above the header (as in Kolada exports) are skipped. Never throws.
 */
import type { Gender } from '../../data/contract.ts';
import { parsePeriod } from './parse-period.ts';
import type { MunicipalityResolver } from './resolve-municipality.ts';
import type { CandidateRow } from './validate-import.ts';
import { normaliseHeader } from './parse-long-csv.ts';

export type WideOrientation = 'municipality-rows' | 'period-rows';

export interface WideValueColumn {
  /** 0-based column index. */
  index: number;
  /** The header cell: a period (municipality-rows) or a kommun (period-rows). */
  header: string;
}

export interface WideMapping {
  orientation: WideOrientation;
  /** 0-based index of the header row in `rows`; data rows follow it. */
  headerRow: number;
  /** The column holding the kommun (municipality-rows) or the period (period-rows). */
  keyColumn: number;
  /** Columns holding values. */
  valueColumns: WideValueColumn[];
  /** Optional column holding the gender (T/K/M, kvinnor …) of each row. */
  genderColumn?: number;
  /** Optional column holding a KPI id per row. */
  kpiColumn?: number;
}

export type WideLayoutResult = { ok: true; mapping: WideMapping; notes: string[] } | { ok: false; error: string };

const HEADER_SCAN_ROWS = 15;
const SAMPLE_ROWS = 50;

const isPeriod = (s: string) => s.trim() !== '' && parsePeriod(s).ok;

/**
 * Proposes a mapping. With a resolver, kommun columns/headers are recognised by name or code;
 * without one, municipality-rows is the only layout that can be found.
 */
export function detectWideLayout(rows: readonly (readonly string[])[], resolver?: MunicipalityResolver): WideLayoutResult {
  const resolves = (s: string) => (resolver ? String(s).trim() !== '' && resolver(s).ok : /^\d{3,4}$/.test(String(s).trim()));
  const scan = Math.min(rows.length, HEADER_SCAN_ROWS);

  // The first row (from the top) that works as a header in either orientation wins, so a data
  // row further down is never mistaken for a header.
  for (let h = 0; h < scan; h++) {
    const found = municipalityRowsAt(h) ?? periodRowsAt(h);
    if (found) return found;
  }
  return {
    ok: false,
    error:
      'Hittade ingen rubrikrad med år/månader (och en kolumn med kommuner) eller med kommuner (och en kolumn med perioder). Ange kolumnerna själv.',
  };

  /** A header row with period columns and a column of kommuner below it. */
  function municipalityRowsAt(h: number): WideLayoutResult | null {
    const header = rows[h];
    const periodCols = header.map((c, i) => (isPeriod(c) ? i : -1)).filter((i) => i >= 0);
    if (periodCols.length === 0) return null;
    const data = rows.slice(h + 1, h + 1 + SAMPLE_ROWS);
    if (data.length === 0) return null;
    const others = header.map((_, i) => i).filter((i) => !periodCols.includes(i));
    let best = -1;
    let bestScore = 0;
    for (const i of others) {
      const score = data.filter((r) => resolves(r[i] ?? '')).length / data.length;
      // Prefer the column that resolves best; on a tie prefer codes over names.
      const codeBonus = data.some((r) => /^\d{3,4}$/.test((r[i] ?? '').trim())) ? 0.001 : 0;
      if (score + codeBonus > bestScore) {
        bestScore = score + codeBonus;
        best = i;
      }
    }
    if (best < 0 || bestScore < 0.3) return null;
    if (periodCols.length < 2 && bestScore < 0.6) return null;
    const mapping: WideMapping = {
      orientation: 'municipality-rows',
      headerRow: h,
      keyColumn: best,
      valueColumns: periodCols.map((i) => ({ index: i, header: header[i] })),
      ...extraColumns(header, [best, ...periodCols]),
    };
    const notes = [
      `En rad per kommun (kolumn ”${header[best] || best + 1}”) och en kolumn per period (${periodCols.length} st: ${header[periodCols[0]]} … ${header[periodCols[periodCols.length - 1]]}).`,
    ];
    if (h > 0) notes.push(`De ${h} första raderna ser ut som rubriker och hoppas över.`);
    return { ok: true, mapping, notes };
  }

  /** A header row of kommuner with a column of periods below it. */
  function periodRowsAt(h: number): WideLayoutResult | null {
    const header = rows[h];
    const muniCols = header.map((c, i) => (resolves(c) ? i : -1)).filter((i) => i >= 0);
    if (muniCols.length === 0) return null;
    const data = rows.slice(h + 1, h + 1 + SAMPLE_ROWS);
    if (data.length === 0) return null;
    let best = -1;
    let bestScore = 0;
    for (let i = 0; i < header.length; i++) {
      if (muniCols.includes(i)) continue;
      const score = data.filter((r) => isPeriod(r[i] ?? '')).length / data.length;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (best < 0 || bestScore < 0.5) return null;
    const mapping: WideMapping = {
      orientation: 'period-rows',
      headerRow: h,
      keyColumn: best,
      valueColumns: muniCols.map((i) => ({ index: i, header: header[i] })),
      ...extraColumns(header, [best, ...muniCols]),
    };
    const notes = [`En rad per period (kolumn ”${header[best] || best + 1}”) och en kolumn per kommun (${muniCols.length} st).`];
    if (h > 0) notes.push(`De ${h} första raderna ser ut som rubriker och hoppas över.`);
    return { ok: true, mapping, notes };
  }
}

function extraColumns(header: readonly string[], taken: number[]): Pick<WideMapping, 'genderColumn' | 'kpiColumn'> {
  const out: Pick<WideMapping, 'genderColumn' | 'kpiColumn'> = {};
  header.forEach((h, i) => {
    if (taken.includes(i)) return;
    const n = normaliseHeader(h);
    if (out.genderColumn === undefined && ['kön', 'kon', 'gender', 'sex'].includes(n)) out.genderColumn = i;
    if (out.kpiColumn === undefined && ['kpi', 'nyckeltal', 'kpi id', 'nyckeltals id'].includes(n)) out.kpiColumn = i;
  });
  return out;
}

export interface WideApplyOptions {
  kpi: string;
  gender?: Gender;
}

/**
 * Rows + mapping → candidate rows (one per value cell, including empty ones, which become
 * missing values). `lines[i]` is the file line of `rows[i]`; without it, line = i + 1.
 * Rows whose key cell is empty are skipped (blank or footnote rows).
 */
export function applyWideMapping(
  rows: readonly (readonly string[])[],
  mapping: WideMapping,
  options: WideApplyOptions,
  lines?: readonly number[],
): CandidateRow[] {
  const out: CandidateRow[] = [];
  const header = rows[mapping.headerRow] ?? [];
  for (let r = mapping.headerRow + 1; r < rows.length; r++) {
    const row = rows[r];
    const key = (row[mapping.keyColumn] ?? '').trim();
    if (key === '') continue;
    const gender = mapping.genderColumn !== undefined ? (row[mapping.genderColumn] ?? '') : (options.gender ?? 'T');
    const kpi = mapping.kpiColumn !== undefined ? (row[mapping.kpiColumn] ?? '') : options.kpi;
    const line = lines?.[r] ?? r + 1;
    for (const col of mapping.valueColumns) {
      const head = String(col.header ?? header[col.index] ?? '').trim();
      const cell = row[col.index] ?? '';
      const [municipality, period] = mapping.orientation === 'municipality-rows' ? [key, head] : [head, key];
      out.push({
        line,
        raw: `${key} / ${head}: ${cell}`,
        kpi,
        municipality,
        period,
        gender,
        value: cell,
      });
    }
  }
  return out;
}
