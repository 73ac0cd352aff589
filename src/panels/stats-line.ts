import type { Kpi } from '../data/contract.ts';
import type { PanelPoint } from '../queries/panel-series.ts';
import { decimalsFor, formatChange, formatPlace, formatValue, rankDirection } from '../format/number.ts';
import { QUARTILE_LABEL, quartileClass, type QuartileClass } from './quartiles.ts';

export interface KeyFigures {
  period: string;
  value: string;
  /** "inget värde 2031" when the kommun has no value the chosen year; null otherwise */
  missingValue: string | null;
  /** "Närmaste år med värde: 2022 (92 %)." when the chosen year has no value */
  nearest: string | null;
  change: string | null;
  groupMean: string;
  groupN: string;
  rankGroup: string;
  rankAll: string;
  /** "högst värde = plats 1" – shown with every place */
  direction: string;
  /** Kolada-style quartile among all kommuner (neutral names for KPIs without a better direction) */
  quartile: QuartileClass;
  quartileText: string;
  /** "Gruppmedel 2022 bygger på 5 av 7 kommuner …" when members lack a value that period */
  groupNote: string | null;
  /** the kommun has no value in any period (its group has some) */
  noKommunValues: boolean;
}

/** Says plainly when the group mean rests on fewer members than the group has. */
export function groupNote(p: Pick<PanelPoint, 'period' | 'groupN' | 'groupSize'>): string | null {
  if (p.groupSize === 0 || p.groupN >= p.groupSize) return null;
  if (p.groupN === 0) return `Ingen av gruppens ${p.groupSize} kommuner har värde ${p.period}, så gruppmedel saknas.`;
  const lacking = p.groupSize - p.groupN;
  return `Gruppmedel ${p.period} bygger på ${p.groupN} av ${p.groupSize} kommuner; ${lacking === 1 ? 'en saknar' : `${lacking} saknar`} värde.`;
}

/** "Närmaste år med värde: 2011 (82 %)." – the closest years before and after `period` that have a value. */
export function nearestYears(points: PanelPoint[], period: string, unit: string): string | null {
  const withValue = points.filter((p) => p.value !== null);
  if (!withValue.length) return null;
  const before = [...withValue].reverse().find((p) => p.period < period);
  const after = withValue.find((p) => p.period > period);
  const fmt = (p: PanelPoint) => `${p.period} (${formatValue(p.value, unit)})`;
  const parts = [before, after].filter((p): p is PanelPoint => p !== undefined).map(fmt);
  const range = `${withValue[0].period}–${withValue.at(-1)!.period}`;
  return `Närmaste år med värde: ${parts.join(' och ')}. Värden finns för ${range}.`;
}

/**
 * The panel's text figures for one period: value, change, group mean, ranks with their direction and
 * quartile. A chosen year without a value (before the KPI's first year, after its last) still gives
 * figures: "inget värde <år>" and the nearest years, never "no values". So does a kommun without any
 * value whose group has some (the group's latest year, the years its chart shows); null only when
 * neither has a value.
 */
export function keyFigures(points: PanelPoint[], kpi: Pick<Kpi, 'unit' | 'higher_is_better'>, period: string | null): KeyFigures | null {
  const unit = kpi.unit;
  const noKommunValues = !points.some((x) => x.value !== null);
  if (noKommunValues && !points.some((x) => x.groupMean !== null)) return null;
  const latest = [...points].reverse().find(noKommunValues ? (x) => x.groupMean !== null : (x) => x.value !== null)!;
  const p: PanelPoint = period ? (points.find((x) => x.period === period) ?? emptyPoint(period, points[0]?.groupSize ?? 0)) : latest;
  const idx = points.indexOf(p);
  const prev = idx > 0 ? points[idx - 1] : undefined;
  const quartile = quartileClass(
    p.value,
    p.allQ1 !== null && p.allQ3 !== null ? { q1: p.allQ1, q3: p.allQ3, n: p.allN } : null,
    kpi.higher_is_better,
  );
  return {
    period: p.period,
    value: p.value === null ? `inget värde ${p.period}` : formatValue(p.value, unit),
    missingValue: p.value === null ? `inget värde ${p.period}` : null,
    nearest: p.value === null ? nearestYears(points, p.period, unit) : null,
    change: p.value !== null && prev?.value != null ? `${formatChange(p.value - prev.value, unit)} från ${prev.period}` : null,
    // a computed mean keeps its decimal so it compares cleanly with the kommun's value ("8,0 %", not "8 %")
    groupMean: formatValue(p.groupMean, unit, decimalsFor(unit), decimalsFor(unit)),
    groupN: `${p.groupN} av ${p.groupSize} kommuner med värde`,
    rankGroup:
      p.groupSize === 0 ? 'ingen placering (gruppen har inga medlemmar)' : formatPlace(p.rankGroup, p.groupN + (p.value === null ? 0 : 1)),
    rankAll: formatPlace(p.rankAll, p.allN),
    direction: rankDirection(kpi.higher_is_better),
    quartile,
    quartileText: quartile === 'missing' ? 'ingen kvartil (värde saknas)' : QUARTILE_LABEL[quartile],
    groupNote: groupNote(p),
    noKommunValues,
  };
}

function emptyPoint(period: string, groupSize: number): PanelPoint {
  return {
    period,
    value: null,
    status: null,
    riket: null,
    allMean: null,
    allN: 0,
    allQ1: null,
    allQ3: null,
    groupMean: null,
    groupMedian: null,
    groupMin: null,
    groupMax: null,
    groupQ1: null,
    groupQ3: null,
    groupN: 0,
    groupSize,
    rankAll: null,
    rankGroup: null,
  };
}
