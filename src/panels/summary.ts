import type { Target } from '../data/contract.ts';
import type { PanelPoint } from '../queries/panel-series.ts';
import { decimalsFor, formatChange, formatValue } from '../format/number.ts';
import { lowerFirst } from '../format/text.ts';
import { targetYearsStatement } from './target-status.ts';

/** "Ystad låg över liknande kommuner 2019–2021. Senast (2022): 73 % mot gruppens 80,1 %." */
export function seriesSummary(a: {
  kommun: string;
  groupLabel: string;
  points: PanelPoint[];
  unit: string;
  higherIsBetter: boolean | null;
  target: Target | null;
  targets?: Target[];
}): string {
  const both = a.points.filter((p) => p.value !== null && p.groupMean !== null);
  const group = lowerFirst(a.groupLabel);
  const parts: string[] = [];
  if (both.length) {
    const rel = (p: PanelPoint) => Math.sign((p.value as number) - (p.groupMean as number));
    const last = both[both.length - 1];
    const r = rel(last);
    let start = both.length - 1;
    while (
      start > 0 &&
      rel(both[start - 1]) === r &&
      Number(both[start].period.slice(0, 4)) - Number(both[start - 1].period.slice(0, 4)) <= 1
    )
      start--;
    const span = start === both.length - 1 ? last.period : `${both[start].period}–${last.period}`;
    const word = r > 0 ? 'över' : r < 0 ? 'under' : 'i nivå med';
    parts.push(`${a.kommun} låg ${word} medelvärdet för ${group} ${span}.`);
  } else if (!a.points.some((p) => p.value !== null)) {
    const groupLatest = [...a.points].reverse().find((p) => p.groupMean !== null);
    parts.push(`${a.kommun} har inga värden.`);
    if (groupLatest)
      parts.push(
        `Medelvärdet för ${group} ${groupLatest.period}: ${formatValue(groupLatest.groupMean, a.unit, decimalsFor(a.unit), decimalsFor(a.unit))}.`,
      );
  } else {
    parts.push(`${a.kommun} och ${group} saknar gemensamma år med värden.`);
  }
  const latest = [...a.points].reverse().find((p) => p.value !== null);
  if (latest) {
    const prev = a.points.find((p) => p.period === String(Number(latest.period) - 1));
    const change =
      prev && prev.value !== null ? ` (${formatChange((latest.value as number) - prev.value, a.unit)} från ${prev.period})` : '';
    parts.push(`Senaste värde ${latest.period}: ${formatValue(latest.value, a.unit)}${change}.`);
  }
  if (a.targets && a.targets.length > 1) parts.push(targetYearsStatement(a.targets, a.points, a.unit));
  else if (a.target) parts.push(targetStatement(a.target, a.points, a.unit));
  return parts.join(' ');
}

/** "Målet ≥ 75 % nåddes inte 2023 (70 %)." – or that the outcome is not yet known. */
export function targetStatement(t: Target, points: PanelPoint[], unit: string): string {
  const sign = t.comparison === '>=' ? '≥' : '≤';
  const goal = `Målet ${sign} ${formatValue(t.target, unit)}`;
  const at = points.find((p) => p.period === t.period && p.value !== null);
  if (!at) {
    const latest = [...points].reverse().find((p) => p.value !== null);
    return `${goal} gäller ${t.period}; utfall saknas ännu${latest ? ` (senast ${latest.period}: ${formatValue(latest.value, unit)})` : ''}.`;
  }
  const met = t.comparison === '>=' ? (at.value as number) >= t.target : (at.value as number) <= t.target;
  return `${goal} ${met ? 'nåddes' : 'nåddes inte'} ${t.period} (${formatValue(at.value, unit)}).`;
}
