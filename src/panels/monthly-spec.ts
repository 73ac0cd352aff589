import type { Kpi, Manifest, Municipality } from '../data/contract.ts';
import type { BreakdownRow } from '../queries/breakdown.ts';
import type { LineChartSpec, LineSeries, SeriesRole } from '../charts/spec.ts';
import { decimalsFor, formatNumber, formatValue, monthName } from '../format/number.ts';
import { valueSourceLine, valueSourceLines } from './own-sources.ts';

const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
const MONTH_LABELS = MONTHS.map((m) => monthName(Number(m), true));
const BREAKDOWN_ROLES: SeriesRole[] = ['focus', 'group', 'other', 'all', 'riket', 'median'];

export interface MonthlySpecs {
  year: string;
  previousYear: string;
  /** this year vs last year, one point per month */
  years: LineChartSpec;
  /** the breakdowns (age groups) for `year`; null when the data has none */
  breakdown: LineChartSpec | null;
  /** the breakdowns for `year` and for `previousYear` (when it has any), latest first */
  breakdowns: LineChartSpec[];
}

/** Decimals the values were given with (9,98 → 2), at least decimalsFor(unit), at most 3. */
export function observedDecimals(values: readonly (number | null)[], unit: string): number {
  let d = decimalsFor(unit);
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    for (let k = d; k <= 3; k++) {
      if (Math.abs(Math.round(v * 10 ** k) - v * 10 ** k) < 1e-6) break;
      d = Math.min(3, k + 1);
    }
  }
  return d;
}

/**
 * A monthly series (periods "2024-03") of one kommun: the latest year with values against the year
 * before, and the breakdown KPIs (those whose `parent` is the series) for the latest year.
 * `rows` are breakdown-query rows for the parent and its children, gender T.
 */
export function buildMonthlySpecs(args: {
  kpi: Kpi;
  children: Kpi[];
  kommun: Municipality;
  rows: BreakdownRow[];
  manifest: Manifest;
}): MonthlySpecs | null {
  const { kpi, children, kommun, rows, manifest } = args;
  const monthly = rows.filter((r) => r.gender === 'T' && /^\d{4}-\d{2}$/.test(r.period));
  const value = (k: string, year: string, month: string) =>
    monthly.find((r) => r.kpi === k && r.period === `${year}-${month}`)?.value ?? null;
  const years = [...new Set(monthly.filter((r) => r.kpi === kpi.id && r.value !== null).map((r) => r.period.slice(0, 4)))].sort();
  const year = years.at(-1);
  if (!year) return null;
  const previousYear = String(Number(year) - 1);
  const sources = [valueSourceLine(kpi, manifest)];
  const decimals = observedDecimals(
    monthly.map((r) => r.value),
    kpi.unit,
  );
  const change = (delta: number) => formatSignedChange(delta, kpi.unit, decimals);

  const yearSeries: LineSeries[] = [
    { id: year, label: year, role: 'focus', points: MONTHS.map((m) => ({ x: m, y: value(kpi.id, year, m) })) },
    { id: previousYear, label: previousYear, role: 'previous', points: MONTHS.map((m) => ({ x: m, y: value(kpi.id, previousYear, m) })) },
  ];
  const yearsSpec: LineChartSpec = {
    kind: 'line',
    id: `monthly-${kpi.id}`,
    title: kpi.title,
    subtitle: `${kommun.name}: ${year} jämfört med ${previousYear}, per månad`,
    unit: kpi.unit,
    decimals,
    xs: MONTHS,
    xLabels: MONTH_LABELS,
    series: yearSeries,
    sources,
    summary: monthlySummary(kommun.name, kpi.unit, decimals, change, year, previousYear, (y, m) => value(kpi.id, y, m)),
    table: {
      caption: `${kpi.title}, ${kommun.name}, per månad ${previousYear}–${year}`,
      unit: kpi.unit,
      decimals,
      columns: ['Månad', year, previousYear, kpi.unit === '%' ? 'Förändring (procentenheter)' : 'Förändring'],
      rows: MONTHS.map((m) => {
        const a = value(kpi.id, year, m);
        const b = value(kpi.id, previousYear, m);
        return [monthName(Number(m)), a, b, a !== null && b !== null ? round(a - b) : null];
      }),
    },
    fileStem: `${kpi.id}_${kommun.id}_${year}_${previousYear}`,
  };

  const breakdownFor = (y: string): LineChartSpec | null => {
    const present = children.filter((c) => monthly.some((r) => r.kpi === c.id && r.period.startsWith(y) && r.value !== null));
    if (!present.length) return null;
    const byAge = present.some((c) => /år/.test(c.breakdown ?? ''));
    return {
      kind: 'line',
      id: `monthly-${kpi.id}-breakdown-${y}`,
      title: `${kpi.title}, ${byAge ? 'per åldersgrupp' : 'uppdelat'}`,
      subtitle: `${kommun.name} ${y}, per månad`,
      unit: kpi.unit,
      decimals,
      xs: MONTHS,
      xLabels: MONTH_LABELS,
      series: present.map((c, i) => ({
        id: c.id,
        label: c.breakdown ?? c.title,
        role: BREAKDOWN_ROLES[i % BREAKDOWN_ROLES.length],
        points: MONTHS.map((m) => ({ x: m, y: value(c.id, y, m) })),
      })),
      sources: valueSourceLines(present, manifest),
      summary: breakdownSummary(
        kommun.name,
        kpi.unit,
        decimals,
        y,
        present.map((c) => ({ label: c.breakdown ?? c.title, values: MONTHS.map((m) => value(c.id, y, m)) })),
      ),
      table: {
        caption: `${kpi.title}, ${kommun.name} ${y}, efter ${byAge ? 'åldersgrupp' : 'grupp'}`,
        unit: kpi.unit,
        decimals,
        columns: ['Månad', ...present.map((c) => c.breakdown ?? c.id)],
        rows: MONTHS.map((m) => [monthName(Number(m)), ...present.map((c) => value(c.id, y, m))]),
      },
      fileStem: `${kpi.id}_${kommun.id}_${y}_grupper`,
    };
  };
  const breakdowns = [breakdownFor(year), breakdownFor(previousYear)].filter((x): x is LineChartSpec => x !== null);
  const breakdown = breakdowns[0]?.id.endsWith(year) ? breakdowns[0] : null;
  return { year, previousYear, years: yearsSpec, breakdown, breakdowns };
}

/** "+0,25 procentenheter" for %, with the decimals the data has. */
function formatSignedChange(delta: number, unit: string, decimals: number): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const abs = formatNumber(Math.abs(delta), decimals, Math.min(decimals, decimalsFor(unit)));
  if (unit === '%') return `${sign}${abs}\u00a0procentenheter`;
  return `${sign}${abs}${unit ? '\u00a0' + unit : ''}`;
}

/** "Senaste månad, mars 2024: 8,1 % (−0,4 procentenheter mot mars 2023). Medel jan–mar: 8,5 % mot 8,9 % året innan." */
function monthlySummary(
  kommun: string,
  unit: string,
  decimals: number,
  change: (d: number) => string,
  year: string,
  prev: string,
  at: (y: string, m: string) => number | null,
): string {
  const last = [...MONTHS].reverse().find((m) => at(year, m) !== null)!;
  const a = at(year, last)!;
  const b = at(prev, last);
  const parts = [
    `${kommun}, senaste månad ${monthName(Number(last))} ${year}: ${formatValue(a, unit, decimals)}${b !== null ? ` (${change(round(a - b))} mot ${monthName(Number(last))} ${prev})` : ''}.`,
  ];
  const both = MONTHS.filter((m) => at(year, m) !== null && at(prev, m) !== null);
  if (both.length > 1) {
    const mean = (y: string) => both.reduce((s, m) => s + (at(y, m) as number), 0) / both.length;
    parts.push(
      `Medel för de ${both.length} månader som finns båda åren: ${formatValue(mean(year), unit, decimals)} ${year} mot ${formatValue(mean(prev), unit, decimals)} ${prev}.`,
    );
  } else if (both.length === 0) {
    parts.push(`${prev} saknar värden för samma månader.`);
  }
  return parts.join(' ');
}

function breakdownSummary(
  kommun: string,
  unit: string,
  decimals: number,
  year: string,
  groups: { label: string; values: (number | null)[] }[],
): string {
  const means = groups
    .map((g) => {
      const v = g.values.filter((x): x is number => x !== null);
      return { label: g.label, mean: v.length ? v.reduce((s, x) => s + x, 0) / v.length : null };
    })
    .filter((g): g is { label: string; mean: number } => g.mean !== null)
    .sort((a, b) => b.mean - a.mean);
  if (means.length < 2) return `${kommun} ${year}: ${means.map((g) => `${g.label} ${formatValue(g.mean, unit, decimals)}`).join('')}.`;
  return `${kommun} ${year}: högst i gruppen ${means[0].label} (medel ${formatValue(means[0].mean, unit, decimals)}), lägst i ${means.at(-1)!.label} (${formatValue(means.at(-1)!.mean, unit, decimals)}).`;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
