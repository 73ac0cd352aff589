import { describe, expect, it } from 'vitest';
import { kpiById, municipalityNames } from '../../src/data/site-meta.ts';
import type { Kpi, Municipality } from '../../src/data/contract.ts';

const kpi = (id: string, title: string) => ({ id, title }) as Kpi;
const kommun = (id: string, name: string) => ({ id, name, type: 'K' }) as Municipality;

describe('kpiById', () => {
  it('finds what a search of the list finds, the first of equal ids, also for hostile ids', () => {
    const kpis = [kpi('U31462', 'a'), kpi('N00090', 'b'), kpi('U31462', 'second'), kpi('constructor', 'c')];
    const meta = { kpis };
    for (const id of ['U31462', 'N00090', 'constructor', '__proto__', 'N31825', ''])
      expect(kpiById(meta, id)).toBe(kpis.find((k) => k.id === id));
    expect(kpiById(meta, 'U31462')!.title).toBe('a');
  });

  it('follows a list replaced at run time (KPIs added by imported data)', () => {
    const meta = { kpis: [kpi('U31462', 'a')] };
    expect(kpiById(meta, 'EGEN1')).toBeUndefined();
    meta.kpis = [...meta.kpis, kpi('EGEN1', 'egen')];
    expect(kpiById(meta, 'EGEN1')!.title).toBe('egen');
  });
});

describe('municipalityNames', () => {
  it('is built once per list and anew for a replaced one', () => {
    const meta = { municipalities: [kommun('1286', 'Ystad'), kommun('0000', 'Riket')] };
    const names = municipalityNames(meta);
    expect(Object.fromEntries(names)).toEqual({ '1286': 'Ystad', '0000': 'Riket' });
    expect(municipalityNames(meta)).toBe(names);
    meta.municipalities = [...meta.municipalities, kommun('1861', 'Hallsberg')];
    expect(municipalityNames(meta).get('1861')).toBe('Hallsberg');
  });
});
