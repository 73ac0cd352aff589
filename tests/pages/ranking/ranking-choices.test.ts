import { describe, expect, it } from 'vitest';
import type { Kpi } from '../../../src/data/contract.ts';
import { filterKpiOptions } from '../../../src/pages/ranking/ranking-choices.ts';

const k = (id: string, title: string): Kpi => ({
  id,
  title,
  unit: '%',
  is_divided_by_gender: false,
  description: '',
  source: '',
  higher_is_better: null,
  parent: null,
  breakdown: null,
});
const groups = [
  {
    label: 'Dashboardens nyckeltal',
    kpis: [k('U31462', 'Ej återaktualiserade vuxna med försörjningsstöd'), k('U31001', 'Utbetalt ekonomiskt bistånd, kr/inv')],
  },
  {
    label: 'Övriga nyckeltal',
    kpis: [k('N00090', 'Sjukfrånvaro bland kommunalt anställda'), k('N31807', 'Invånare med ekonomiskt bistånd')],
  },
];
const ids = (q: string, keep: string | null = null) => filterKpiOptions(groups, q, keep).flatMap((g) => g.kpis.map((x) => x.id));

describe('searchable KPI list on the ranking page', () => {
  it('matches every word in id or title, ignoring case and accents', () => {
    expect(ids('bistand')).toEqual(['U31001', 'N31807']);
    expect(ids('EKONOMISKT invånare')).toEqual(['N31807']);
    expect(ids('u314')).toEqual(['U31462']);
  });
  it('keeps the chosen KPI and drops empty groups', () => {
    expect(ids('sjuk', 'U31462')).toEqual(['U31462', 'N00090']);
    expect(filterKpiOptions(groups, 'sjuk', null).map((g) => g.label)).toEqual(['Övriga nyckeltal']);
    expect(ids('')).toHaveLength(4);
  });
});
