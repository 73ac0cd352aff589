/**
 * KPI definitions the dashboard's monthly and stacked panels expect (panels.config.ts), offered as
 * targets when importing own data: mapping a file to X90001 or X40001 … makes those panels show it.
 */
import type { Kpi } from '../data/contract.ts';

const base = { is_divided_by_gender: false, description: 'Egna data inlästa i webbläsaren.', source: '', higher_is_better: null, parent: null, breakdown: null } as const;

export const PANEL_KPIS: Kpi[] = [
  { ...base, id: 'X90001', title: 'Sjukfrånvaro per månad, kommunalt anställda, andel (%)', unit: '%', is_divided_by_gender: true, higher_is_better: false },
  { ...base, id: 'X90001_29', title: 'Sjukfrånvaro per månad, kommunalt anställda –29 år, andel (%)', unit: '%', parent: 'X90001', breakdown: '–29 år', higher_is_better: false },
  { ...base, id: 'X90001_30_49', title: 'Sjukfrånvaro per månad, kommunalt anställda 30–49 år, andel (%)', unit: '%', parent: 'X90001', breakdown: '30–49 år', higher_is_better: false },
  { ...base, id: 'X90001_50', title: 'Sjukfrånvaro per månad, kommunalt anställda 50– år, andel (%)', unit: '%', parent: 'X90001', breakdown: '50– år', higher_is_better: false },
  { ...base, id: 'X40000', title: 'Avslut i kommunens arbetsmarknadsverksamhet, antal', unit: 'antal' },
  { ...base, id: 'X40001', title: 'Avslut i arbetsmarknadsverksamheten: till arbete, antal', unit: 'antal', parent: 'X40000', breakdown: 'Arbete' },
  { ...base, id: 'X40002', title: 'Avslut i arbetsmarknadsverksamheten: till studier, antal', unit: 'antal', parent: 'X40000', breakdown: 'Studier' },
  { ...base, id: 'X40003', title: 'Avslut i arbetsmarknadsverksamheten: till annan myndighet, antal', unit: 'antal', parent: 'X40000', breakdown: 'Annan myndighet' },
  { ...base, id: 'X40004', title: 'Avslut i arbetsmarknadsverksamheten: övrigt, antal', unit: 'antal', parent: 'X40000', breakdown: 'Övrigt' },
];

/** The panel parent a KPI needs in the runtime list for its panel to appear (X40001 → X40000). */
export function panelParent(id: string): Kpi | undefined {
  const k = PANEL_KPIS.find((x) => x.id === id);
  return k?.parent ? PANEL_KPIS.find((x) => x.id === k.parent) : undefined;
}
