import { describe, expect, it } from 'vitest';
import { chartSources, rawSourceLine, SAMPLE_NOTE } from '../../src/panels/sources.ts';
import type { Manifest } from '../../src/data/contract.ts';

const real: Manifest = { name: 'kolada', sample: false, retrieved: '2024-08-30', source: 'Kolada (RKA)', licence: 'CC BY 4.0' };
const sample: Manifest = { ...real, sample: true, retrieved: null, source: '' };

describe('source lines', () => {
  it('raw values: "Källa: Kolada (RKA), <KPI id>, hämtad <date>"', () => {
    expect(rawSourceLine({ id: 'U31462', source: '' }, real)).toBe('Källa: Kolada (RKA), U31462, hämtad 2024-08-30');
  });
  it('computed values add "Egen bearbetning av data från Kolada"', () => {
    expect(chartSources({ id: 'N31001', source: '' }, real, true)[1]).toMatch(/^Egen bearbetning av data från Kolada/);
    expect(chartSources({ id: 'N31001', source: '' }, real, false)).toHaveLength(1);
  });
  it('sample data says it is sample data, with the KPI id', () => {
    const lines = chartSources({ id: 'X40000', source: '' }, sample, true);
    expect(lines[0]).toBe(`${SAMPLE_NOTE} (X40000)`);
    expect(lines.join(' ')).not.toContain('Källa: Kolada');
    expect(lines[1]).toContain('exempeldata');
  });
});
