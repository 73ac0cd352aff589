/** Swedish number formatting for screen text (sv-SE: "1 234,5", "12,3 %"). Exports use raw numbers. */

const cache = new Map<string, Intl.NumberFormat>();
function nf(min: number, max: number): Intl.NumberFormat {
  const key = `${min}-${max}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: min, maximumFractionDigits: max })));
  return f;
}

export function decimalsFor(unit: string): number {
  return /kr|antal/i.test(unit) ? 0 : 1;
}

/** A number in sv-SE without unit, e.g. 1 234,5 (no-break space grouping and U+2212 minus, as Intl writes it). */
export function formatNumber(v: number | null | undefined, decimals = 1, minDecimals = 0): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return svDigits(roundHalfAway(v, decimals), Math.min(minDecimals, decimals), decimals);
}

/**
 * What Intl.NumberFormat('sv-SE') writes for an already rounded number, without Intl: its first use
 * loads the locale data (~60 ms, paid while the app takes over the page). Huge numbers go to Intl.
 */
function svDigits(v: number, minDecimals: number, maxDecimals: number): string {
  const abs = Math.abs(v);
  if (abs >= 1e15) return nf(minDecimals, maxDecimals).format(v);
  const [int, frac = ''] = abs.toFixed(maxDecimals).split('.');
  let end = frac.length;
  while (end > minDecimals && frac[end - 1] === '0') end--;
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, '\u00a0');
  const body = end > 0 ? `${grouped},${frac.slice(0, end)}` : grouped;
  return v < 0 ? `\u2212${body}` : body;
}

/**
 * Rounds as a person would from the decimal digits shown: 7.45 → 7.5 even when the double is
 * 7.4499999999999993 (a median of 7.4 and 7.5). Twelve significant digits absorb the binary error.
 */
export function roundHalfAway(v: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = Number((Math.abs(v) * f).toPrecision(12));
  const r = (Math.sign(v) * Math.round(scaled)) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** A value with its unit: "12,3 %", "722 kr/inv", "–" when missing; minDecimals keeps trailing zeros ("8,0 %"). */
export function formatValue(v: number | null | undefined, unit: string, decimals = decimalsFor(unit), minDecimals = 0): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const n = formatNumber(v, decimals, minDecimals);
  return unit ? `${n}\u00a0${unit}` : n;
}

/** A change between two values, signed, with fixed decimals: "+4,0 procentenheter" for %, "−48 kr/inv" otherwise. */
export function formatChange(delta: number, unit: string): string {
  const decimals = decimalsFor(unit);
  // the sign follows the rounded change, so −0,04 reads "±0,0", never "−0,0"
  const rounded = roundHalfAway(delta, decimals);
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '±';
  const abs = formatNumber(Math.abs(rounded), decimals, decimals);
  if (unit === '%') return `${sign}${abs}\u00a0procentenheter`;
  return `${sign}${abs}${unit ? '\u00a0' + unit : ''}`;
}

/** Years and periods are never grouped: "2024", "2023-01" → "januari 2023". */
const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const MONTHS_SHORT = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

export function formatPeriod(period: string, short = false): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return `${(short ? MONTHS_SHORT : MONTHS)[Number(m[2]) - 1]} ${m[1]}`;
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return `kvartal ${q[2]} ${q[1]}`;
  return period;
}

export function monthName(month: number, short = false): string {
  return (short ? MONTHS_SHORT : MONTHS)[month - 1];
}

export function formatPlace(place: number | null, of: number): string {
  return place === null ? 'ingen placering' : `plats ${place} av ${of}`;
}

/** Which end is place 1, in neutral words: "högst värde = plats 1" (also for KPIs without a better direction). */
export function rankDirection(higherIsBetter: boolean | null): string {
  return higherIsBetter === false ? 'lägst värde = plats 1' : 'högst värde = plats 1';
}

/** "plats 3 av 8, högst värde = plats 1" – a place is never shown without its direction. */
export function formatPlaceWithDirection(place: number | null, of: number, higherIsBetter: boolean | null): string {
  return place === null ? 'ingen placering' : `${formatPlace(place, of)}, ${rankDirection(higherIsBetter)}`;
}

export function formatDate(iso: string | null | undefined): string {
  return iso ?? 'okänt datum';
}

/** A count with the noun in the right number: "1 rad", "2 rader", "1 234 rader". */
export function formatCount(n: number, one: string, many: string): string {
  return `${formatNumber(n, 0)} ${n === 1 ? one : many}`;
}
