/**
 * One cell → a number, the Swedish way or the plain way.
 *
 * The decimal separator is decided per file (see sniff-csv.ts `sniffDecimalSeparator`) and passed in.
 * Rules, in order:
 *  1. Surrounding whitespace is ignored. Empty → missing (value null, no status).
 *  2. Kolada's status markers alone → missing with that status: `-` (also `–` `−`) bortfall,
 *     `..` sekretess, `.` ej tillämplig.
 *  3. A trailing `%` (with or without space) is dropped; `12,3 %` → 12.3 (percentage points, not 0.123).
 *  4. Sign: `-`, U+2212 `−` or `+` in front.
 *  5. Thousands separators: space, NBSP U+00A0, narrow NBSP U+202F, thin space U+2009 and
 *     apostrophe, always in groups of exactly three digits (`1 234 567`), never `12 34`.
 *  6. If both `,` and `.` occur, the last one is the decimal separator and the other must group
 *     thousands: `1.234,5` and `1,234.5` both → 1234.5 whatever the file says.
 *  7. If only the file's decimal separator occurs, once: it is the decimal separator (`12,3`).
 *  8. If only the *other* separator occurs: in valid thousands groups (`1.234`, `1.234.567` in a
 *     comma file) it groups thousands; otherwise, once (`12.5` in a comma file), it is read as a
 *     decimal point – mixed cells are common when Excel columns were typed by hand.
 *  9. An exponent (`1.5e-5`) is accepted after a plain number without grouping.
 * Anything else → `{ok:false}` with a Swedish error; never throws.
 */
export type DecimalSeparator = ',' | '.';

export type NumberResult = { ok: true; value: number | null; status?: string } | { ok: false; error: string };

export const STATUS_MARKERS: Record<string, string> = {
  '-': 'bortfall',
  '..': 'sekretess',
  '.': 'ej tillämplig',
};

const MINUS_LIKE = /^[-\u2212\u2013]$/;
const SPACES = /[\s\u00a0\u202f\u2009']/;
const GROUPED = /^\d{1,3}(?:G\d{3})+$/; // G = the grouping character, substituted below

export function parseNumber(text: string, decimal: DecimalSeparator = ','): NumberResult {
  if (typeof text !== 'string') return { ok: false, error: 'Värdet är inte text.' };
  const original = text;
  let s = text.trim().replace(/^[\u00a0\u202f\u2009]+|[\u00a0\u202f\u2009]+$/g, '');
  if (s === '') return { ok: true, value: null };
  if (MINUS_LIKE.test(s)) return { ok: true, value: null, status: '-' };
  if (s === '..' || s === '.') return { ok: true, value: null, status: s };

  if (s.endsWith('%')) s = s.slice(0, -1).replace(/[\s\u00a0\u202f\u2009]+$/, '');
  let sign = 1;
  if (/^[-\u2212+]/.test(s)) {
    if (s[0] !== '+') sign = -1;
    s = s.slice(1).replace(/^[\s\u00a0\u202f\u2009]+/, '');
  }
  const bad = (): NumberResult => ({ ok: false, error: notANumberMessage(original) });
  if (s === '') return bad();

  // Exponent form: only for plain digits with an optional single decimal point or comma.
  const exp = /^(\d+(?:[.,]\d+)?|[.,]\d+)[eE]([-+]?\d{1,3})$/.exec(s);
  if (exp) {
    const v = sign * Number(`${exp[1].replace(',', '.')}e${exp[2]}`);
    return Number.isFinite(v) ? { ok: true, value: normaliseZero(v) } : bad();
  }

  // Thousands groups with spaces: drop the spaces if, and only if, they group by three.
  if (SPACES.test(s)) {
    const intPart = /^[^.,]*/.exec(s)![0];
    const rest = s.slice(intPart.length);
    if (SPACES.test(rest)) return bad();
    const spaced = intPart.replace(/[\s\u00a0\u202f\u2009']+/g, 'G');
    if (!new RegExp(GROUPED.source).test(spaced)) return bad();
    s = spaced.replaceAll('G', '') + rest;
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return bad();

  const commas = count(s, ',');
  const points = count(s, '.');
  let intText: string;
  let fracText = '';
  if (commas > 0 && points > 0) {
    const dec = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    const group = dec === ',' ? '.' : ',';
    if (count(s, dec) !== 1) return bad();
    [intText, fracText] = s.split(dec) as [string, string];
    if (!isGrouped(intText, group)) return bad();
    intText = intText.replaceAll(group, '');
  } else if (commas + points === 0) {
    intText = s;
  } else {
    const sep = commas > 0 ? ',' : '.';
    const n = commas + points;
    if (sep !== decimal && isGrouped(s, sep)) {
      intText = s.replaceAll(sep, '');
    } else if (n === 1) {
      [intText, fracText] = s.split(sep) as [string, string];
    } else if (isGrouped(s, sep)) {
      intText = s.replaceAll(sep, '');
    } else {
      return bad();
    }
  }
  if (intText === '' && fracText === '') return bad();
  if (!/^\d*$/.test(intText) || !/^\d*$/.test(fracText)) return bad();
  const v = sign * Number(`${intText || '0'}.${fracText || '0'}`);
  if (!Number.isFinite(v)) return { ok: false, error: tooBigMessage(original) };
  return { ok: true, value: normaliseZero(v) };
}

/** The rejection texts, shared with the SQL fast path (sql-long-csv.ts). */
export function notANumberMessage(original: string): string {
  return `Kan inte tolka ”${shorten(original)}” som ett tal.`;
}

export function tooBigMessage(original: string): string {
  return `Talet ”${shorten(original)}” är för stort.`;
}

function isGrouped(s: string, group: string): boolean {
  return new RegExp(`^\\d{1,3}(?:\\${group}\\d{3})+$`).test(s);
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

function normaliseZero(v: number): number {
  return Object.is(v, -0) ? 0 : v;
}

export function shorten(s: string, max = 40): string {
  const oneLine = s.replace(/[\r\n\t]+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}
