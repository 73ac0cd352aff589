import type { Kpi, Manifest, Municipality } from '../data/contract.ts';
import type { BreakdownRow } from '../queries/breakdown.ts';
import type { LineChartSpec, SeriesRole } from '../charts/spec.ts';
import { formatValue } from '../format/number.ts';
import { rawSourceLine } from './sources.ts';

const ROLES: Record<string, { label: string; role: SeriesRole }> = {
  T: { label: 'Totalt', role: 'riket' },
  K: { label: 'Kvinnor', role: 'focus' },
  M: { label: 'Män', role: 'group' },
};

/** Totalt, kvinnor and män side by side for one kommun. */
export function buildGenderSpec(kpi: Kpi, kommun: Municipality, rows: BreakdownRow[], manifest: Manifest): LineChartSpec {
  const xs = [...new Set(rows.filter((r) => r.value !== null).map((r) => r.period))].sort();
  const at = (g: string, x: string) => rows.find((r) => r.gender === g && r.period === x)?.value ?? null;
  const series = (['K', 'M', 'T'] as const).map((g) => ({
    id: g,
    label: ROLES[g].label,
    role: ROLES[g].role,
    points: xs.map((x) => ({ x, y: at(g, x) })),
  }));
  const last = xs.at(-1);
  const summary = last
    ? `${kommun.name} ${last}: kvinnor ${formatValue(at('K', last), kpi.unit)}, män ${formatValue(at('M', last), kpi.unit)}, totalt ${formatValue(at('T', last), kpi.unit)}.`
    : `${kommun.name} saknar värden uppdelade på kön.`;
  return {
    kind: 'line',
    id: `gender-${kpi.id}`,
    title: kpi.title,
    subtitle: `${kommun.name}: kvinnor, män och totalt`,
    unit: kpi.unit,
    xs,
    series,
    sources: [rawSourceLine(kpi, manifest)],
    summary,
    table: {
      caption: `${kpi.title}, ${kommun.name}, efter kön`,
      unit: kpi.unit,
      columns: ['År', 'Kvinnor', 'Män', 'Totalt'],
      rows: xs.map((x) => [x, at('K', x), at('M', x), at('T', x)]),
    },
    fileStem: `${kpi.id}_${kommun.id}_kon`,
  };
}
