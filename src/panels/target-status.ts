/**
 * Målvärden against outcomes, year by year: met, not met, or no outcome yet. A target is compared
 * with the kommun's own value for the same period only; it is never ranked or averaged.
 */
import type { Target } from '../data/contract.ts';
import { formatValue } from '../format/number.ts';

export interface TargetYear {
  period: string;
  target: Target;
  value: number | null;
  /** null: no outcome for that year */
  met: boolean | null;
}

export const isMet = (t: Pick<Target, 'target' | 'comparison'>, value: number) =>
  t.comparison === '>=' ? value >= t.target : value <= t.target;

/** One entry per target year, oldest first; the latest target wins when several give the same year. */
export function targetYears(targets: readonly Target[], points: readonly { period: string; value: number | null }[]): TargetYear[] {
  const byYear = new Map<string, Target>();
  for (const t of targets) byYear.set(t.period, t);
  return [...byYear.values()]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((t) => {
      const v = points.find((p) => p.period === t.period)?.value ?? null;
      return { period: t.period, target: t, value: v, met: v === null ? null : isMet(t, v) };
    });
}

const sign = (t: Pick<Target, 'comparison'>) => (t.comparison === '>=' ? '≥' : '≤');
const list = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} och ${xs.at(-1)}`);

/**
 * "Målet ≥ 90 % (Socialnämndens plan 2024): nåddes 2021 (92 %); nåddes inte 2019 (82 %) och 2020 (88 %); utfall saknas för 2022."
 * Targets with different values are described one value at a time.
 */
export function targetYearsStatement(
  targets: readonly Target[],
  points: readonly { period: string; value: number | null }[],
  unit: string,
): string {
  const years = targetYears(targets, points);
  if (!years.length) return '';
  const groups = new Map<string, TargetYear[]>();
  for (const y of years) {
    const key = `${y.target.comparison}|${y.target.target}|${y.target.source_text ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), y]);
  }
  return [...groups.values()]
    .map((ys) => {
      const t = ys[0].target;
      const head = `Målet ${sign(t)} ${formatValue(t.target, unit)}${t.source_text ? ` (${t.source_text})` : ''}`;
      const met = ys.filter((y) => y.met === true).map((y) => `${y.period} (${formatValue(y.value, unit)})`);
      const notMet = ys.filter((y) => y.met === false).map((y) => `${y.period} (${formatValue(y.value, unit)})`);
      const open = ys.filter((y) => y.met === null).map((y) => y.period);
      const parts = [
        met.length ? `nåddes ${list(met)}` : '',
        notMet.length ? `nåddes inte ${list(notMet)}` : '',
        open.length ? `utfall saknas för ${list(open)}` : '',
      ].filter(Boolean);
      return `${head}: ${parts.join('; ')}.`;
    })
    .join(' ');
}

/** For a key figure: "Målet ≥ 90 % nåddes 2021." / "… nåddes inte …" / null without a target that year. */
export function targetFigure(targets: readonly Target[], period: string, value: number | null, unit: string): string | null {
  const t = [...targets].reverse().find((x) => x.period === period);
  if (!t) return null;
  if (value === null) return `Mål ${period}: ${sign(t)} ${formatValue(t.target, unit)}; utfall saknas.`;
  return `Målet ${sign(t)} ${formatValue(t.target, unit)} ${isMet(t, value) ? 'nåddes' : 'nåddes inte'} ${period}.`;
}
