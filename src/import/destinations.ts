/**
 * KPI definitions the dashboard's monthly and stacked panels expect (panels.config.ts), offered as
 * targets when importing own data: mapping a file to X90001 or X40001 … makes those panels show it.
 */
import type { Kpi } from '../data/contract.ts';

const base = {
  is_divided_by_gender: false,
  description: 'Egna data inlästa i webbläsaren.',
  source: '',
  higher_is_better: null,
  parent: null,
  breakdown: null,
} as const;

export const PANEL_KPIS: Kpi[] = [
  {
    ...base,
    id: 'X90001',
    title: 'Sjukfrånvaro per månad, kommunalt anställda, andel (%)',
    unit: '%',
    is_divided_by_gender: true,
    higher_is_better: false,
  },
  {
    ...base,
    id: 'X90001_29',
    title: 'Sjukfrånvaro per månad, kommunalt anställda –29 år, andel (%)',
    unit: '%',
    parent: 'X90001',
    breakdown: '–29 år',
    higher_is_better: false,
  },
  {
    ...base,
    id: 'X90001_30_49',
    title: 'Sjukfrånvaro per månad, kommunalt anställda 30–49 år, andel (%)',
    unit: '%',
    parent: 'X90001',
    breakdown: '30–49 år',
    higher_is_better: false,
  },
  {
    ...base,
    id: 'X90001_50',
    title: 'Sjukfrånvaro per månad, kommunalt anställda 50– år, andel (%)',
    unit: '%',
    parent: 'X90001',
    breakdown: '50– år',
    higher_is_better: false,
  },
  { ...base, id: 'X40000', title: 'Avslut i kommunens arbetsmarknadsverksamhet, antal', unit: 'antal' },
  {
    ...base,
    id: 'X40001',
    title: 'Avslut i arbetsmarknadsverksamheten: till arbete, antal',
    unit: 'antal',
    parent: 'X40000',
    breakdown: 'Arbete',
  },
  {
    ...base,
    id: 'X40002',
    title: 'Avslut i arbetsmarknadsverksamheten: till studier, antal',
    unit: 'antal',
    parent: 'X40000',
    breakdown: 'Studier',
  },
  {
    ...base,
    id: 'X40003',
    title: 'Avslut i arbetsmarknadsverksamheten: till annan myndighet, antal',
    unit: 'antal',
    parent: 'X40000',
    breakdown: 'Annan myndighet',
  },
  {
    ...base,
    id: 'X40004',
    title: 'Avslut i arbetsmarknadsverksamheten: övrigt, antal',
    unit: 'antal',
    parent: 'X40000',
    breakdown: 'Övrigt',
  },
];

/** The panel parent a KPI needs in the runtime list for its panel to appear (X40001 → X40000). */
export function panelParent(id: string): Kpi | undefined {
  const k = PANEL_KPIS.find((x) => x.id === id);
  return k?.parent ? PANEL_KPIS.find((x) => x.id === k.parent) : undefined;
}

/** A place on the dashboard an imported series can go. */
export interface Destination {
  id: string;
  label: string;
  group: string;
}

const SICK = 'Sjukfrånvaro per månad';
const EXITS = 'Avslut i arbetsmarknadsverksamheten';
export const DESTINATIONS: Destination[] = [
  { id: 'X90001', group: SICK, label: `${SICK} – totalt` },
  { id: 'X90001_29', group: SICK, label: `${SICK} – –29 år` },
  { id: 'X90001_30_49', group: SICK, label: `${SICK} – 30–49 år` },
  { id: 'X90001_50', group: SICK, label: `${SICK} – 50– år` },
  { id: 'X40001', group: EXITS, label: `${EXITS} – arbete` },
  { id: 'X40002', group: EXITS, label: `${EXITS} – studier` },
  { id: 'X40003', group: EXITS, label: `${EXITS} – annan myndighet` },
  { id: 'X40004', group: EXITS, label: `${EXITS} – övrigt` },
];

export const isDestination = (id: string) => DESTINATIONS.some((d) => d.id === id);

const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\u2012-\u2015\u2212]/g, '-')
    .replace(/\s+/g, '');
const TOTAL = /^(totalt|total|summa|alla|samtliga|allaåldrar|allaåldersgrupper)$/;

/**
 * The slot a series in a file most likely belongs to, from its name and its siblings' names:
 * age groups (–29, 30–49, 50–) and their "Totalt" go to the monthly sick-leave panel, exit
 * reasons to the stacked panel. Null when nothing fits (the user picks "eget nyckeltal").
 */
export function guessDestination(name: string, siblings: readonly string[], hint = ''): string | null {
  const n = fold(name);
  const age = (s: string) => {
    const f = fold(s);
    if (/(^|[^\d])(-|under|0-|1[5-9]-|<)?29(år)?($|[^\d-])|^-29|^upptill29|29årochyngre|^under30/.test(f) && !/30/.test(f))
      return 'X90001_29';
    if (/30-49/.test(f)) return 'X90001_30_49';
    if (/^50(-|år|\+|ochäldre|-år|$)|^över49|^50-/.test(f)) return 'X90001_50';
    return null;
  };
  const a = age(name);
  if (a) return a;
  const sickFile = /sjuk/i.test(hint) || /sjuk/i.test(name) || siblings.some((s) => age(s) !== null);
  if (TOTAL.test(n) && sickFile) return 'X90001';
  if (/^sjukfrånvaro/.test(n) && siblings.length <= 1) return 'X90001';
  if (/^(arbete|tillarbete|börjatarbeta|arbetat)/.test(n)) return 'X40001';
  if (/^(studier|tillstudier|börjatstudera|studerar)/.test(n)) return 'X40002';
  if (/myndighet/.test(n)) return 'X40003';
  if (/^(övrigt|övriga|annat|annanorsak)/.test(n)) return 'X40004';
  return null;
}
