import type { Kpi, Manifest, Municipality } from '../data/contract.ts';
import type { BreakdownRow } from '../queries/breakdown.ts';
import type { StackedBarSpec } from '../charts/spec.ts';
import { fold } from '../format/fold.ts';
import { formatNumber } from '../format/number.ts';
import { isOwnData, OWN_DATA_PROCESSING, valueSourceLines } from './own-sources.ts';

export interface StackedResult {
  spec: StackedBarSpec;
  /** per year: share (0–100) of all exits that went to work or studies, null without exits */
  exitShare: { period: string; share: number | null; count: number; total: number }[];
  /** "2024 gick 45 % … till arbete eller studier" */
  exitText: string;
}

/** Children whose label says work or studies count as "till arbete eller studier". */
export function isWorkOrStudies(kpi: Pick<Kpi, 'breakdown' | 'title'>): boolean {
  const label = fold(kpi.breakdown ?? kpi.title);
  return /\barbete\b|\bstudier\b/.test(label);
}

/**
 * Counts per category (the children of a parent KPI) per year as a 100 % stacked bar, plus the
 * share that went to work or studies. `rows` are breakdown-query rows for the children, gender T.
 */
export function buildStackedSpec(args: {
  kpi: Kpi;
  children: Kpi[];
  kommun: Municipality;
  rows: BreakdownRow[];
  manifest: Manifest;
}): StackedResult | null {
  const { kpi, children, kommun, rows, manifest } = args;
  const yearly = rows.filter((r) => r.gender === 'T' && /^\d{4}$/.test(r.period));
  const present = children.filter((c) => yearly.some((r) => r.kpi === c.id && r.value !== null));
  if (!present.length) return null;
  const xs = [...new Set(yearly.filter((r) => r.value !== null && present.some((c) => c.id === r.kpi)).map((r) => r.period))].sort();
  const at = (k: string, p: string) => yearly.find((r) => r.kpi === k && r.period === p)?.value ?? null;
  const values = xs.map((p) => present.map((c) => at(c.id, p)));
  const exitShare = xs.map((period, i) => {
    const total = values[i].reduce<number>((s, v) => s + (v ?? 0), 0);
    const count = present.reduce((s, c, ci) => s + (isWorkOrStudies(c) ? (values[i][ci] ?? 0) : 0), 0);
    return { period, total, count, share: total > 0 ? (count / total) * 100 : null };
  });
  const exitText = exitSentence(kommun.name, exitShare);
  const spec: StackedBarSpec = {
    kind: 'stacked',
    id: `stacked-${kpi.id}`,
    title: kpi.title.replace(/,\s*antal$/i, ''),
    subtitle: `${kommun.name}: vart deltagarna gick, andel av alla avslut per år`,
    unit: '%',
    xs,
    categories: present.map((c) => ({ id: c.id, label: c.breakdown ?? c.title })),
    values,
    sources: [
      ...valueSourceLines(present, manifest),
      manifest.sample && !present.some(isOwnData)
        ? 'Andelar: egen bearbetning av exempeldata'
        : present.some(isOwnData)
          ? `Andelar: ${OWN_DATA_PROCESSING}`
          : 'Andelar: egen bearbetning av antalen',
    ],
    summary: exitText,
    table: {
      caption: `${kpi.title.replace(/,\s*antal$/i, '')}, ${kommun.name}, antal avslut per år`,
      unit: 'antal',
      columns: ['År', ...present.map((c) => c.breakdown ?? c.id), 'Totalt', 'Till arbete eller studier'],
      rows: xs.map((p, i) => [
        p,
        ...values[i],
        exitShare[i].total,
        exitShare[i].share === null ? null : `${formatNumber(exitShare[i].share, 1)} %`,
      ]),
    },
    fileStem: `${kpi.id}_${kommun.id}_avslut`,
  };
  return { spec, exitShare, exitText };
}

function exitSentence(kommun: string, shares: StackedResult['exitShare']): string {
  const known = shares.filter((s) => s.share !== null);
  const last = known.at(-1);
  if (!last) return `${kommun} har inga avslut registrerade.`;
  const prev = known.find((s) => s.period === String(Number(last.period) - 1));
  const pct = (x: number) => `${formatNumber(x, 0)} %`;
  return `${last.period} gick ${pct(last.share!)} av de avslutade deltagarna i ${kommun} till arbete eller studier (${formatNumber(last.count, 0)} av ${formatNumber(last.total, 0)})${prev ? `, mot ${pct(prev.share!)} ${prev.period}` : ''}.`;
}
