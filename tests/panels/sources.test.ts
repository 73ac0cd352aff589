import { describe, expect, it } from 'vitest';
import { chartSources, rawSourceLine, SAMPLE_NOTE } from '../../src/panels/sources.ts';
import { importedSourceLines } from '../../src/panels/own-sources.ts';
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

describe('imported values inside a Kolada KPI', () => {
  const sets = [
    { id: 's1', fileName: 'ystad-2023.csv', importedAt: '2026-11-30T10:00:00Z' },
    { id: 's2', fileName: 'prognos.csv', importedAt: '2026-11-29T09:00:00Z' },
  ];
  it('name the file, import date and periods of each set, never Kolada', () => {
    const lines = importedSourceLines(
      'U31462',
      [
        { setId: 's1', periods: ['2023', '2024'] },
        { setId: 's2', periods: ['2025'] },
      ],
      sets,
    );
    expect(lines).toEqual([
      'Källa för 2023–2024: egna data, ystad-2023.csv, inläst 2026-11-30 (U31462)',
      'Källa för 2025: egna data, prognos.csv, inläst 2026-11-29 (U31462)',
    ]);
    expect(lines.join(' ')).not.toMatch(/Kolada|hämtad/);
  });
  it('say nothing for a set that is gone or added no periods', () => {
    expect(importedSourceLines('U31462', [{ setId: 'gone', periods: ['2023'] }], sets)).toEqual([]);
    expect(importedSourceLines('U31462', [{ setId: 's1', periods: [] }], sets)).toEqual([]);
  });
});
