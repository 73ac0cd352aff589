/**
 * Candidate rows (strings straight from a file) → contract ValueRows, with every problem kept.
 *
 * Each row is checked for kommun (resolve-municipality.ts), period (parse-period.ts), gender,
 * number (parse-number.ts) and KPI id; a failing row is rejected with its 1-based file line and a
 * Swedish reason. Duplicate keys (kpi, municipality_id, period, gender): the same value again is
 * merged with a warning; a different value rejects *every* row with that key, since there is no
 * way to know which one is right.
 */
import type { Gender, Kpi, Municipality, ValueRow } from '../../data/contract.ts';
import type { TextEncodingName } from './decode-text.ts';
import { parseNumber, shorten, type DecimalSeparator } from './parse-number.ts';
import { parsePeriod } from './parse-period.ts';
import { createMunicipalityResolver, type MunicipalityResolver } from './resolve-municipality.ts';
import type { Delimiter } from './sniff-csv.ts';

export type ImportFormat = 'kolada-json' | 'long-csv' | 'wide-table' | 'table';

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  'kolada-json': 'Kolada-JSON',
  'long-csv': 'lång CSV (en rad per värde)',
  'wide-table': 'bred tabell (en kolumn per period eller kommun)',
  table: 'tabell med kolumner enligt din tolkning',
};

/** One row as read from a file, before any checking. */
export interface CandidateRow {
  /** 1-based file line (header = 1); for JSON the 1-based position in `values`. */
  line: number;
  raw?: string;
  kpi: string;
  municipality: string | number;
  period: string | number;
  /** Empty → T. */
  gender: string;
  /** A number (JSON) or a cell to parse; null/empty = missing. */
  value: string | number | null;
  status?: string | null;
}

export interface RejectedRow {
  line: number;
  reason: string;
  raw?: string;
}

export interface ImportResult {
  accepted: ValueRow[];
  rejected: RejectedRow[];
  warnings: string[];
  encoding: TextEncodingName | null;
  delimiter: Delimiter | null;
  format: ImportFormat | null;
}

export interface ValidateOptions {
  municipalities: readonly Pick<Municipality, 'id' | 'name'>[];
  /** Known KPIs: ids are matched case-insensitively; unknown ids are kept as local series (a warning). */
  kpis?: readonly Pick<Kpi, 'id'>[];
  /** Decimal separator for string values. */
  decimal?: DecimalSeparator;
  /** Reuse a resolver across calls (it indexes the municipality list). */
  resolver?: MunicipalityResolver;
}

const GENDER_WORDS: Record<string, Gender> = {
  '': 'T',
  t: 'T',
  totalt: 'T',
  total: 'T',
  alla: 'T',
  samtliga: 'T',
  'båda könen': 'T',
  'kvinnor och män': 'T',
  k: 'K',
  kvinnor: 'K',
  kvinna: 'K',
  kv: 'K',
  m: 'M',
  män: 'M',
  man: 'M',
};

export function parseGender(text: string | null | undefined): { ok: true; gender: Gender } | { ok: false; error: string } {
  const s = String(text ?? '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
  const g = Object.prototype.hasOwnProperty.call(GENDER_WORDS, s) ? GENDER_WORDS[s] : undefined;
  if (g) return { ok: true, gender: g };
  return { ok: false, error: `Okänt kön ”${shorten(String(text ?? ''))}” – använd T (totalt), K (kvinnor) eller M (män).` };
}

const MAX_KPI_LENGTH = 64;

export function validateCandidates(
  candidates: Iterable<CandidateRow>,
  options: ValidateOptions,
  meta: { encoding: TextEncodingName | null; delimiter: Delimiter | null; format: ImportFormat | null },
  earlier: { rejected?: RejectedRow[]; warnings?: string[] } = {},
): ImportResult {
  const resolveUncached = options.resolver ?? createMunicipalityResolver(options.municipalities);
  // Files repeat the same few hundred kommuner and periods; remember the answers.
  const muniCache = new Map<string, ReturnType<MunicipalityResolver>>();
  const resolve = (t: string | number) => {
    const k = String(t ?? '');
    let r = muniCache.get(k);
    if (!r) muniCache.set(k, (r = resolveUncached(k)));
    return r;
  };
  const periodCache = new Map<string, ReturnType<typeof parsePeriod>>();
  const period_ = (t: string | number) => {
    const k = String(t ?? '');
    let r = periodCache.get(k);
    if (!r) periodCache.set(k, (r = parsePeriod(k)));
    return r;
  };
  const decimal = options.decimal ?? '.';
  const kpiIds = new Map<string, string>();
  for (const k of options.kpis ?? []) kpiIds.set(k.id.toUpperCase(), k.id);
  const checkKpis = (options.kpis?.length ?? 0) > 0;

  const rejected: RejectedRow[] = [...(earlier.rejected ?? [])];
  const warnings: string[] = [...(earlier.warnings ?? [])];
  const unknownKpis = new Set<string>();
  let paddedIds = 0;

  interface Slot {
    row: ValueRow;
    line: number;
    raw?: string;
    conflict: RejectedRow[] | null;
  }
  const slots = new Map<string, Slot>();
  const order: Slot[] = [];
  let mergedDuplicates = 0;
  let firstMergedLine = 0;

  for (const c of candidates) {
    const reject = (reason: string) => rejected.push({ line: c.line, reason, ...(c.raw !== undefined ? { raw: c.raw } : {}) });
    const problems: string[] = [];

    let kpi = String(c.kpi ?? '').trim();
    const kpiProblem = kpiIdProblem(kpi);
    if (kpiProblem) problems.push(kpiProblem);
    else if (checkKpis) {
      const known = kpiIds.get(kpi.toUpperCase());
      if (known) kpi = known;
      else unknownKpis.add(kpi);
    }

    const muni = resolve(c.municipality);
    if (!muni.ok) problems.push(muni.error);
    else if (muni.via === 'padded-id') paddedIds++;

    const period = period_(c.period);
    if (!period.ok) problems.push(period.error);

    const gender = parseGender(c.gender);
    if (!gender.ok) problems.push(gender.error);

    let value: number | null = null;
    let status: string | null = c.status === undefined || c.status === null ? null : String(c.status).trim() || null;
    if (typeof c.value === 'number') {
      if (Number.isFinite(c.value)) value = Object.is(c.value, -0) ? 0 : c.value;
      else problems.push(`Ogiltigt tal ”${String(c.value)}”.`);
    } else if (c.value !== null && c.value !== undefined) {
      const n = parseNumber(String(c.value), decimal);
      if (!n.ok) problems.push(n.error);
      else {
        value = n.value;
        if (n.status && status === null) status = n.status;
      }
    }

    if (problems.length > 0) {
      reject(problems.join(' '));
      continue;
    }
    const row: ValueRow = {
      kpi,
      municipality_id: (muni as { id: string }).id,
      period: (period as { period: string }).period,
      gender: (gender as { gender: Gender }).gender,
      value,
      ...(status !== null ? { status } : {}),
    };
    const key = `${row.kpi}\u0000${row.municipality_id}\u0000${row.period}\u0000${row.gender}`;
    const prev = slots.get(key);
    if (!prev) {
      const slot: Slot = { row, line: c.line, raw: c.raw, conflict: null };
      slots.set(key, slot);
      order.push(slot);
      continue;
    }
    if (prev.row.value === row.value && (prev.row.status ?? null) === (row.status ?? null)) {
      mergedDuplicates++;
      firstMergedLine ||= c.line;
      continue;
    }
    prev.conflict ??= [];
    prev.conflict.push({
      line: c.line,
      reason: duplicateLaterReason(row, prev.line, prev.row),
      ...(c.raw !== undefined ? { raw: c.raw } : {}),
    });
  }

  const accepted: ValueRow[] = [];
  for (const slot of order) {
    if (!slot.conflict) {
      accepted.push(slot.row);
      continue;
    }
    rejected.push({
      line: slot.line,
      reason: duplicateFirstReason(slot.row, [slot.line, ...slot.conflict.map((r) => r.line)]),
      ...(slot.raw !== undefined ? { raw: slot.raw } : {}),
    });
    rejected.push(...slot.conflict);
  }
  rejected.sort((a, b) => a.line - b.line);

  if (mergedDuplicates > 0) warnings.push(mergedWarning(mergedDuplicates, firstMergedLine));
  if (paddedIds > 0) warnings.push(paddedIdsWarning(paddedIds));
  if (unknownKpis.size > 0) warnings.push(unknownKpisWarning([...unknownKpis]));
  return { accepted, rejected, warnings, ...meta };
}

// Rule texts, shared with the SQL fast path (sql-long-csv.ts) so both paths say the same thing.

/** Why a KPI cell cannot be used, or null. */
export function kpiIdProblem(kpi: string): string | null {
  if (kpi === '') return 'Nyckeltal saknas.';
  if (kpi.length > MAX_KPI_LENGTH || /[\u0000-\u001f"]/.test(kpi)) return `Ogiltigt nyckeltals-id ”${shorten(kpi)}”.`;
  return null;
}

type KeyAndValue = Pick<ValueRow, 'kpi' | 'municipality_id' | 'period' | 'gender' | 'value' | 'status'>;

/** The first row of a key that occurs with different values. */
export function duplicateFirstReason(row: KeyAndValue, lines: readonly number[]): string {
  return `Dubblett: ${describeKey(row)} förekommer med olika värden (rad ${lines.join(', ')}); ingen av raderna används.`;
}

/** A later row of such a key. */
export function duplicateLaterReason(row: KeyAndValue, firstLine: number, first: KeyAndValue): string {
  return `Dubblett: ${describeKey(row)} finns redan på rad ${firstLine} med ett annat värde (${showValue(first)} mot ${showValue(row)}).`;
}

export function mergedWarning(count: number, firstLine: number): string {
  return `${count} ${count === 1 ? 'rad var en dubblett' : 'rader var dubbletter'} med samma värde och slogs ihop (första på rad ${firstLine}).`;
}

export function paddedIdsWarning(count: number): string {
  return `${count} kommunkoder hade tre siffror (t.ex. 180) och tolkades med inledande nolla (0180); Excel tar ofta bort nollan.`;
}

/** `ids` in order of first appearance; `total` when only the first few are given. */
export function unknownKpisWarning(ids: readonly string[], total = ids.length): string {
  const list = ids.slice(0, 5).join(', ');
  return `${total === 1 ? 'Nyckeltalet' : `${total} nyckeltal`} ${list}${total > 5 ? ' …' : ''} finns inte bland kända nyckeltal och läggs in som egna serier.`;
}

function describeKey(r: KeyAndValue): string {
  return `${r.kpi} / ${r.municipality_id} / ${r.period} / ${r.gender}`;
}

function showValue(r: KeyAndValue): string {
  if (r.value === null) return r.status ? `saknas (${r.status})` : 'saknas';
  return String(r.value).replace('.', ',');
}
