import type { PanelPoint } from '../queries/panel-series.ts';
import { formatChange, formatPlace, formatValue } from '../format/number.ts';

export interface KeyFigures {
  period: string;
  value: string;
  change: string | null;
  groupMean: string;
  groupN: string;
  rankGroup: string;
  rankAll: string;
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
    groupMean: formatValue(p.groupMean, unit),
    groupN: `${p.groupN} av ${p.groupSize} kommuner med värde`,
    rankGroup: formatPlace(p.rankGroup, p.groupN + (p.value === null ? 0 : 1)),
    rankAll: formatPlace(p.rankAll, p.allN),
  };
}
