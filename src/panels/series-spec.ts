import type { Kpi, Manifest, Municipality, Target } from '../data/contract.ts';
import type { PanelPoint } from '../queries/panel-series.ts';
import type { LineChartSpec, LineSeries } from '../charts/spec.ts';
import type { PeerGroup } from '../peers/peer-group.ts';
import type { MemberValue } from '../queries/member-values.ts';
import { formatValue, rankDirection } from '../format/number.ts';
import { lowerFirst } from '../format/text.ts';
import { exportMetadata, exportStem, memberTable } from '../export/export-meta.ts';
import { chartSources } from './sources.ts';
import { seriesSummary } from './summary.ts';
import { statusFootnotes, valueCell } from './status.ts';

export interface SeriesOptions {
  showRiket: boolean;
  showAll: boolean;
  band: 'minmax' | 'iqr' | 'none';
  genderLabel: string;
}

export const GENDER_LABEL = { T: 'totalt', K: 'kvinnor', M: 'män' } as const;

/** Builds the line chart spec for a kommun's series against its peer group. */
export function buildSeriesSpec(args: {
  id: string;
  kpi: Kpi;
  kommun: Municipality;
  group: PeerGroup;
  points: PanelPoint[];
  manifest: Manifest;
  target: Target | null;
  /** every target of this kommun and KPI (one per year), for the per-year statement */
  targets?: Target[];
  options: SeriesOptions;
  /** the kommun's and members' own values; adds the member table when given */
  members?: readonly MemberValue[];
  /** kommun names by id, for the member table and export metadata */
  names?: ReadonlyMap<string, string>;
}): LineChartSpec {
  const { kpi, kommun, group, points, manifest, target, options } = args;
  const names = args.names ?? new Map<string, string>();
  const targets = args.targets ?? (target ? [target] : []);
  const pts = trimEmpty(points);
  const xs = pts.map((p) => p.period);
  const series: LineSeries[] = [
    { id: 'kommun', label: kommun.name, role: 'focus', points: pts.map((p) => ({ x: p.period, y: p.value, status: p.status })) },
    {
      id: 'group',
      label: `Medel: ${group.label}`,
      short: 'Gruppmedel',
      role: 'group',
      points: pts.map((p) => ({ x: p.period, y: p.groupMean })),
    },
  ];
  if (options.showAll && group.kind !== 'alla')
    series.push({
      id: 'all',
      label: 'Medel alla kommuner',
      short: 'Alla kommuner',
      role: 'all',
      points: pts.map((p) => ({ x: p.period, y: p.allMean })),
    });
  if (options.showRiket && pts.some((p) => p.riket !== null))
    series.push({ id: 'riket', label: 'Riket', role: 'riket', points: pts.map((p) => ({ x: p.period, y: p.riket })) });

  const band =
    options.band === 'none'
      ? undefined
      : {
          label: options.band === 'iqr' ? 'Gruppens mittersta hälft (kvartil 1–3)' : 'Gruppens spridning (min–max)',
          points: pts
            .filter((p) => p.groupN > 0)
            .map((p) => ({
              x: p.period,
              lo: (options.band === 'iqr' ? p.groupQ1 : p.groupMin) as number,
              hi: (options.band === 'iqr' ? p.groupQ3 : p.groupMax) as number,
            })),
        };

  const genderPart = kpi.is_divided_by_gender ? `, ${options.genderLabel}` : '';
  const missingMembers = pts.filter((p) => p.groupN < p.groupSize && p.groupN > 0).map((p) => `${p.period}: ${p.groupN} av ${p.groupSize}`);
  const footnotes = statusFootnotes(pts.map((p) => (p.value === null ? p.status : null)));
  const subtitle = `${kommun.name} jämfört med ${lowerFirst(group.label)}${genderPart}.`;
  const sources = [
    ...chartSources(kpi, manifest, true),
    ...(missingMembers.length ? [`Gruppmedel av medlemmar med värde – ${missingMembers.slice(-3).join('; ')}`] : []),
  ];
  const meta = exportMetadata({
    kpi,
    kommun,
    group,
    names,
    periods: xs,
    gender: kpi.is_divided_by_gender ? options.genderLabel : null,
    sources,
    manifest,
  });

  const spec: LineChartSpec = {
    kind: 'line',
    id: args.id,
    title: kpi.title,
    subtitle: subtitle.trim(),
    unit: kpi.unit,
    xs,
    series,
    band: band && band.points.length ? band : undefined,
    target: target
      ? {
          value: target.target,
          comparison: target.comparison,
          label: `Mål ${target.comparison === '>=' ? '≥' : '≤'} ${formatValue(target.target, kpi.unit)} (${targetSpan(targets, target)})`,
        }
      : undefined,
    sources,
    summary: seriesSummary({
      kommun: kommun.name,
      groupLabel: group.label,
      points: pts,
      unit: kpi.unit,
      higherIsBetter: kpi.higher_is_better,
      target,
      targets,
    }),
    table: {
      caption: `${kpi.title}: ${kommun.name}, ${group.label}${options.showRiket ? ' och riket' : ''}`,
      unit: kpi.unit,
      columns: [
        'År',
        kommun.name,
        `Medel ${group.label}`,
        'Antal med värde',
        'Median',
        'Min',
        'Max',
        'Medel alla kommuner',
        'Riket',
        `Plats bland alla (${rankDirection(kpi.higher_is_better)})`,
      ],
      rows: pts.map((p) => [
        p.period,
        valueCell(p.value, p.status),
        p.groupMean,
        p.groupN,
        p.groupMedian,
        p.groupMin,
        p.groupMax,
        p.allMean,
        p.riket,
        p.rankAll === null ? null : `${p.rankAll} av ${p.allN}`,
      ]),
      ...(footnotes.length ? { footnotes } : {}),
    },
    fileStem: exportStem(meta),
    meta,
  };
  const members = args.members;
  // Worked out when first read (the table opened, an export): every change builds a spec, and on
  // "alla kommuner" this table (290 rows × every year) costs more than the rest of it.
  if (members) lazyProperty(spec, 'memberTable', () => memberTable({ kpi, kommun, group, names, periods: xs, values: members }));
  return spec;
}

/** An enumerable property computed on first read and then kept, so copies and JSON see a plain value. */
function lazyProperty<T extends object, K extends keyof T>(target: T, key: K, make: () => T[K]): void {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = make();
      Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
  });
}

/** Drops leading and trailing periods where neither the kommun nor the group has a value. */
function trimEmpty(points: PanelPoint[]): PanelPoint[] {
  const has = (p: PanelPoint) => p.value !== null || p.groupMean !== null;
  const first = points.findIndex(has);
  if (first < 0) return [];
  let last = points.length - 1;
  while (last > first && !has(points[last])) last--;
  return points.slice(first, last + 1);
}

/** "2022–2024" when the latest target's value holds for consecutive years, else its own year. */
function targetSpan(targets: readonly Target[], t: Target): string {
  const same = targets
    .filter((x) => x.target === t.target && x.comparison === t.comparison)
    .map((x) => Number(x.period))
    .sort((a, b) => a - b);
  let from = Number(t.period);
  while (same.includes(from - 1)) from--;
  return from === Number(t.period) ? t.period : `${from}–${t.period}`;
}
