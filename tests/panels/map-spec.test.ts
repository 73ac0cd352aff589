import { describe, expect, it } from 'vitest';
import type { Kpi, Manifest } from '../../src/data/contract.ts';
import type { RankingRow } from '../../src/queries/ranking.ts';
import type { PeerGroup } from '../../src/peers/peer-group.ts';
import { BOUNDARY_SOURCE, buildMapSpec } from '../../src/panels/map-spec.ts';

const kpi = (higher_is_better: boolean | null): Kpi => ({
  id: 'U00001',
  title: 'Test',
  unit: '%',
  is_divided_by_gender: false,
  description: '',
  source: 'Kolada (RKA)',
  higher_is_better,
  parent: null,
  breakdown: null,
});
const manifest = { sample: false, source: 'Kolada (RKA)', retrieved: '2025-01-01' } as unknown as Manifest;
// 1001..1009 with values 10..90, 1010 without a value (status "..")
const rows: RankingRow[] = [
  ...Array.from({ length: 9 }, (_, i) => ({ id: String(1001 + i), value: (i + 1) * 10, status: null, place: i + 1 })),
  { id: '1010', value: null, status: '..', place: null },
];
const names = new Map(rows.map((r) => [r.id, `K${r.id}`]));
const group = {
  kind: 'liknande',
  label: 'Liknande kommuner',
  description: '',
  members: ['1002', '1009', '1010'],
  edition: 2023,
  editions: [2023],
} as PeerGroup;
const spec = (h: boolean | null, focusId: string | null = '1005', g: PeerGroup | null = group) =>
  buildMapSpec({ kpi: kpi(h), period: '2022', gender: 'T', rows, names, focusId, group: g, manifest });
const cls = (s: ReturnType<typeof spec>, id: string) => s.areas.find((a) => a.id === id)!.cls;

describe('buildMapSpec', () => {
  it('classes by quartiles read through the direction; ties at a cut fall in the outer class', () => {
    // q1 = 30, q3 = 70 of 10..90
    const up = spec(true);
    expect(['1001', '1003', '1004', '1007', '1009'].map((id) => cls(up, id))).toEqual(['worst', 'worst', 'middle', 'best', 'best']);
    const down = spec(false);
    expect(['1001', '1003', '1004', '1007', '1009'].map((id) => cls(down, id))).toEqual(['best', 'best', 'middle', 'worst', 'worst']);
    expect(cls(up, '1010')).toBe('missing');
  });

  it('uses the sequential classes without a direction, and says so', () => {
    const s = spec(null);
    expect([cls(s, '1001'), cls(s, '1005'), cls(s, '1009')]).toEqual(['neutral-low', 'neutral-middle', 'neutral-high']);
    expect(s.classes.map((c) => c.cls)).toEqual(['neutral-high', 'neutral-middle', 'neutral-low', 'missing']);
    expect(s.subtitle).toContain('högt är inte självklart bättre');
  });

  it('legend names each class with its value range in Swedish, and counts the missing', () => {
    const s = spec(false);
    expect(s.classes).toEqual([
      { cls: 'best', label: 'Bästa fjärdedelen (30\u00a0% eller mindre)' },
      { cls: 'middle', label: 'Mittersta hälften (mellan 30\u00a0% och 70\u00a0%)' },
      { cls: 'worst', label: 'Sämsta fjärdedelen (70\u00a0% eller mer)' },
      { cls: 'missing', label: 'Värde saknas (1)' },
    ]);
  });

  it('marks the kommun and its group, keeps the status of a missing value, and credits the boundaries', () => {
    const s = spec(true);
    expect(s.areas.filter((a) => a.role === 'focus').map((a) => a.id)).toEqual(['1005']);
    expect(s.areas.filter((a) => a.role === 'peer').map((a) => a.id)).toEqual(['1002', '1009', '1010']);
    expect(s.areas.find((a) => a.id === '1010')!.note).toBe('..');
    expect(s.peerLabel).toBe('Liknande kommuner');
    expect(s.sources).toContain(BOUNDARY_SOURCE);
    expect(s.sources[0]).toBe('Källa: Kolada (RKA), U00001, hämtad 2025-01-01');
    expect(s.summary).toContain('K1005 hade 50\u00a0% 2022 och hör till mittersta hälften');
    expect(s.summary).toContain('Av jämförelsegruppens 3 kommuner finns 1 i bästa fjärdedelen, 1 i sämsta fjärdedelen, 1 utan värde');
  });

  it('the table lists every kommun by name with value, class and marking', () => {
    const s = spec(true);
    expect(s.table.rows).toHaveLength(10);
    expect(s.table.columns).toEqual(['Kommun', 'Län', 'Värde', 'Klass', 'Markerad']);
    expect(s.table.rows.find((r) => r[0] === 'K1005')).toEqual(['K1005', '', 50, 'Mittersta hälften', 'Vald kommun']);
    expect(s.table.rows.find((r) => r[0] === 'K1010')![4]).toBe('Jämförelsegrupp');
  });

  it('without a kommun nobody is outlined; "alla" outlines no group', () => {
    expect(spec(true, null).areas.every((a) => a.role === 'other')).toBe(true);
    expect(spec(true, '1005', { ...group, kind: 'alla' }).areas.filter((a) => a.role === 'peer')).toEqual([]);
  });
});
