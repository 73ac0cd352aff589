import type { PanelPoint } from '../queries/panel-series.ts';
import { decimalsFor, formatChange, formatPlace, formatValue } from '../format/number.ts';

export interface KeyFigures {
  period: string;
  value: string;
  change: string | null;
  groupMean: string;
  groupN: string;
  rankGroup: string;
  rankAll: string;
  /** "Gruppmedel 2022 bygger på 5 av 7 kommuner …" when members lack a value that period */
  groupNote: string | null;
}

/** Says plainly when the group mean rests on fewer members than the group has. */
export function groupNote(p: Pick<PanelPoint, 'period' | 'groupN' | 'groupSize'>): string | null {
  if (p.groupSize === 0 || p.groupN >= p.groupSize) return null;
  if (p.groupN === 0) return `Ingen av gruppens ${p.groupSize} kommuner har värde ${p.period}, så gruppmedel saknas.`;
  const lacking = p.groupSize - p.groupN;
  return `Gruppmedel ${p.period} bygger på ${p.groupN} av ${p.groupSize} kommuner; ${lacking === 1 ? 'en saknar' : `${lacking} saknar`} värde.`;
}

/** The panel's text figures for one period: latest value, change, ranks. */
export function keyFigures(points: PanelPoint[], unit: string, period: string | null): KeyFigures | null {
  const p = period ? points.find((x) => x.period === period) : [...points].reverse().find((x) => x.value !== null);
  if (!p) return null;
  const prev = points[points.indexOf(p) - 1];
  return {
    period: p.period,
    value: formatValue(p.value, unit),
    change: p.value !== null && prev?.value != null ? `${formatChange(p.value - prev.value, unit)} från ${prev.period}` : null,
    // a computed mean keeps its decimal so it compares cleanly with the kommun's value ("8,0 %", not "8 %")
    groupMean: formatValue(p.groupMean, unit, decimalsFor(unit), decimalsFor(unit)),
    groupN: `${p.groupN} av ${p.groupSize} kommuner med värde`,
    rankGroup: formatPlace(p.rankGroup, p.groupN + (p.value === null ? 0 : 1)),
    rankAll: formatPlace(p.rankAll, p.allN),
    groupNote: groupNote(p),
  };
}
