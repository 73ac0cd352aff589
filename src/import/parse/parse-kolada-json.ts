/**
 * Kolada API data pages, v2 and v3:
 *   {"values":[{"kpi","municipality","period","values":[{"gender","count","status","value"}]}],
 *    "count", "next_page" (v2) | "next_url" (v3)}
 * Also a bare array of such data rows, or an array of pages. Rows with `isdeleted: true` (v3) are
 * dropped; `value: null` stays missing with its status. Never throws.
 */
import type { CandidateRow } from './validate-import.ts';

export type KoladaApiVersion = 'v2' | 'v3' | 'unknown';

export interface KoladaJsonParse {
  ok: true;
  candidates: CandidateRow[];
  version: KoladaApiVersion;
  /** The next page's URL (v2 `next_page`, v3 `next_url`); null on the last page. */
  nextPage: string | null;
  /** `count` from the envelope, when given. */
  count: number | null;
  /** Rows that could not be read at all (not an object, no values …); `line` = position in `values`. */
  problems: { line: number; reason: string; raw?: string }[];
  warnings: string[];
}

export type KoladaJsonResult = KoladaJsonParse | { ok: false; error: string };

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseKoladaJson(text: string): KoladaJsonResult {
  let doc: Json;
  try {
    doc = JSON.parse(String(text ?? '').replace(/^\ufeff/, ''));
  } catch (e) {
    return { ok: false, error: `Filen är inte giltig JSON (${String((e as Error)?.message ?? e).slice(0, 100)}).` };
  }
  return parseKoladaDocument(doc);
}

/** The same on an already parsed JSON value. */
export function parseKoladaDocument(doc: Json): KoladaJsonResult {
  let pages: Record<string, Json>[];
  if (isObject(doc)) pages = [doc];
  else if (Array.isArray(doc) && doc.length > 0 && doc.every((p) => isObject(p) && Array.isArray(p.values) && !('kpi' in p))) {
    pages = doc as Record<string, Json>[];
  } else if (Array.isArray(doc)) pages = [{ values: doc }];
  else return { ok: false, error: 'JSON-filen ska vara ett Kolada-svar: ett objekt med en lista ”values”.' };

  const candidates: CandidateRow[] = [];
  const problems: KoladaJsonParse['problems'] = [];
  const warnings: string[] = [];
  let version: KoladaApiVersion = 'unknown';
  let nextPage: string | null = null;
  let count: number | null = null;
  let deleted = 0;
  let ouRows = 0;
  let position = 0;

  for (const page of pages) {
    if (!Array.isArray(page.values)) {
      return { ok: false, error: 'JSON-filen saknar listan ”values” som Koladas API svarar med.' };
    }
    if ('next_url' in page) version = 'v3';
    else if (version === 'unknown' && ('next_page' in page || 'previous_page' in page)) version = 'v2';
    const next = page.next_url ?? page.next_page;
    nextPage = typeof next === 'string' && next !== '' ? next : null;
    if (typeof page.count === 'number') count = (count ?? 0) + page.count;

    for (const row of page.values as Json[]) {
      position++;
      const raw = safeStringify(row);
      if (!isObject(row)) {
        problems.push({ line: position, reason: 'Raden är inte ett JSON-objekt.', raw });
        continue;
      }
      if (row.isdeleted === true) {
        version = 'v3';
        deleted++;
        continue;
      }
      if (row.municipality === undefined && row.ou !== undefined) {
        ouRows++;
        continue;
      }
      if (!Array.isArray(row.values)) {
        problems.push({ line: position, reason: 'Raden saknar listan ”values” med värden per kön.', raw });
        continue;
      }
      for (const v of row.values as Json[]) {
        if (!isObject(v)) {
          problems.push({ line: position, reason: 'Ett värde i ”values” är inte ett JSON-objekt.', raw });
          continue;
        }
        if (v.isdeleted === true) {
          deleted++;
          continue;
        }
        const value = v.value;
        if (!(value === null || value === undefined || typeof value === 'number' || typeof value === 'string')) {
          problems.push({ line: position, reason: `Värdet ${safeStringify(value)} är inte ett tal.`, raw });
          continue;
        }
        candidates.push({
          line: position,
          raw,
          kpi: scalar(row.kpi),
          municipality: scalar(row.municipality),
          period: scalar(row.period),
          gender: scalar(v.gender) || 'T',
          value: value === undefined ? null : value,
          status: scalar(v.status) || null,
        });
      }
    }
  }
  if (deleted > 0) warnings.push(`${deleted} rader var markerade som borttagna i Kolada (isdeleted) och hoppades över.`);
  if (ouRows > 0) warnings.push(`${ouRows} rader gällde organisatoriska enheter (ou) och hoppades över; bara kommuner kan läsas in.`);
  if (nextPage) warnings.push('Filen är en sida av flera (next_page/next_url finns) – hämta och läs in även nästa sida.');
  return { ok: true, candidates, version, nextPage, count, problems, warnings };
}

function scalar(v: Json): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

function safeStringify(v: Json): string {
  try {
    const s = JSON.stringify(v) ?? String(v);
    return s.length > 300 ? `${s.slice(0, 300)}…` : s;
  } catch {
    return String(v);
  }
}
