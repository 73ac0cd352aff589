/**
 * Period text as people and exports write it → the contract's period text:
 * a year `2023`, a month `2023-01` or a quarter `2023-Q1`.
 *
 * Accepted (case-insensitive, any whitespace):
 *  - years: `2023` (also `2023.0`, `2023,0` from number-mangled Excel cells)
 *  - months: `2023-01`, `2023-1`, `2023/01`, `2023M01`, `2023M1`, `202301`,
 *    `januari 2023`, `jan 2023`, `jan. 2023`, `2023 januari`, `januari-2023`, English `January 2023`,
 *    `Jan 2023` (two-digit years such as `jan-23` are refused: they are ambiguous),
 *    and dates on the first or last day of a month (`2023-01-01`, `2023-01-31`) → `2023-01`
 *  - quarters: `2023-Q1`, `2023Q1`, `2023 K1`, `2023K1`, `2023 kv1`, `Q1 2023`, `K1 2023`,
 *    `kvartal 1 2023`, `2023 kvartal 1`
 * Years must lie in 1900–2100. Anything else → a Swedish error; never throws.
 */
export type PeriodResult = { ok: true; period: string } | { ok: false; error: string };

const MONTHS: Record<string, number> = {};
const SV = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
SV.forEach((m, i) => {
  MONTHS[m] = i + 1;
  MONTHS[m.slice(0, 3)] = i + 1;
});
EN.forEach((m, i) => {
  MONTHS[m] ??= i + 1;
  MONTHS[m.slice(0, 3)] ??= i + 1;
});
Object.assign(MONTHS, { sept: 9, okt: 10, oct: 10 });

/** The Swedish month name (lower case, as in running text) of month 1–12. */
export function monthNameSv(month: number): string {
  return SV[month - 1] ?? '';
}

/** A month cell (`1`, `01`, `januari`, `jan`, `Jan.`) → 1–12, or null. */
export function parseMonth(text: string): number | null {
  const s = String(text).trim().toLowerCase().replace(/\.$/, '');
  if (/^\d{1,2}$/.test(s)) {
    const n = Number(s);
    return n >= 1 && n <= 12 ? n : null;
  }
  return Object.prototype.hasOwnProperty.call(MONTHS, s) ? MONTHS[s] : null;
}

function year(text: string): number | null {
  if (!/^\d{4}$/.test(text)) return null;
  const y = Number(text);
  return y >= 1900 && y <= 2100 ? y : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function parsePeriod(input: string | number): PeriodResult {
  const original = String(input ?? '');
  const s = original
    .trim()
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, ' ');
  const fail = (why = ''): PeriodResult => ({
    ok: false,
    error:
      s === ''
        ? 'Period saknas.'
        : `Kan inte tolka ”${original.trim().slice(0, 40)}” som en period${why}. Skriv till exempel 2023, 2023-01, januari 2023 eller 2023-Q1.`,
  });
  if (s === '') return fail();
  const outOfRange = ' (året ska vara mellan 1900 och 2100)';
  let m: RegExpExecArray | null;

  // Year, possibly number-mangled (2023.0).
  if ((m = /^(\d{4})(?:[.,]0+)?$/.exec(s))) {
    const y = year(m[1]);
    return y === null ? fail(outOfRange) : { ok: true, period: String(y) };
  }
  const month = (yText: string, mo: number | null): PeriodResult => {
    const y = year(yText);
    if (y === null) return fail(/^\d{4}$/.test(yText) ? outOfRange : '');
    if (mo === null || mo < 1 || mo > 12) return fail(' (månaden ska vara 1–12)');
    return { ok: true, period: `${y}-${pad(mo)}` };
  };
  const quarter = (yText: string, q: string): PeriodResult => {
    const y = year(yText);
    if (y === null) return fail(/^\d{4}$/.test(yText) ? outOfRange : '');
    const n = Number(q);
    if (!(n >= 1 && n <= 4)) return fail(' (kvartalet ska vara 1–4)');
    return { ok: true, period: `${y}-Q${n}` };
  };

  // Numeric months: 2023-01, 2023-1, 2023/01, 2023m01, 202301
  if ((m = /^(\d{4}) ?(?:[-/]|m) ?(\d{1,2})$/.exec(s))) return month(m[1], Number(m[2]));
  if ((m = /^(\d{4})(\d{2})$/.exec(s))) return month(m[1], Number(m[2]));
  // Dates: first or last day of a month only.
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]00:00(?::00(?:\.0+)?)?z?)?$/.exec(s))) {
    const y = Number(m[1]),
      mo = Number(m[2]),
      d = Number(m[3]);
    const last = mo >= 1 && mo <= 12 ? new Date(Date.UTC(y, mo, 0)).getUTCDate() : 0;
    if (d === 1 || d === last) return month(m[1], mo);
    return fail(' (ett datum mitt i en månad – ange månaden, t.ex. 2023-01)');
  }
  // Quarters.
  if ((m = /^(\d{4}) ?-? ?(?:q|k|kv|kvartal) ?(\d)$/.exec(s))) return quarter(m[1], m[2]);
  if ((m = /^(?:q|k|kv|kvartal) ?(\d) ?-? ?(\d{4})$/.exec(s))) return quarter(m[2], m[1]);
  // Month names.
  if ((m = /^([a-zåäö]+)\.? ?-? ?(\d{4})$/.exec(s))) {
    const mo = parseMonth(m[1]);
    return mo === null ? fail(` (okänt månadsnamn ”${m[1]}”)`) : month(m[2], mo);
  }
  if ((m = /^(\d{4}) ?-? ?([a-zåäö]+)\.?$/.exec(s))) {
    const mo = parseMonth(m[2]);
    return mo === null ? fail(` (okänt månadsnamn ”${m[2]}”)`) : month(m[1], mo);
  }
  return fail();
}

/** Separate year and month cells (`2023` + `januari`/`1`) → `2023-01`. */
export function combineYearMonth(yearText: string, monthText: string): PeriodResult {
  const y = String(yearText ?? '').trim();
  const mText = String(monthText ?? '').trim();
  if (mText === '') return parsePeriod(y);
  // The month cell may already carry a full period (`2023-01`, `januari 2023`).
  const full = parsePeriod(mText);
  if (full.ok && full.period.length > 4) return full;
  const mo = parseMonth(mText);
  if (mo === null) return { ok: false, error: `Kan inte tolka ”${mText.slice(0, 40)}” som en månad.` };
  return parsePeriod(`${y}-${pad(mo)}`);
}
