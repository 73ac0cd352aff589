import { describe, expect, it } from 'vitest';
import type { Kpi, Manifest } from '../../src/data/contract.ts';
import type { RankingRow } from '../../src/queries/ranking.ts';
import type { PeerGroup } from '../../src/peers/peer-group.ts';
import { buildRankSpec, completeRanking, missingText, orderText, placeText, standing } from '../../src/panels/rank-spec.ts';

const kpi: Kpi = {
  id: 'U99999',
  title: 'Påhittat nyckeltal, andel (%)',
  unit: '%',
  is_divided_by_gender: false,
  description: '',
  source: 'Kolada (RKA)',
  higher_is_better: true,
  parent: null,
  breakdown: null,
};
const manifest: Manifest = { name: 'Test', sample: false, retrieved: '2024-08-30', source: 'Kolada (RKA)', licence: 'CC BY 4.0' };
const names = new Map([
  ['0001', 'Aby'],
  ['0002', 'Bro'],
  ['0003', 'Cedå'],
  ['0004', 'Dal'],
  ['0005', 'Eda'],
  ['0006', 'Fors'],
]);
/** Synthetic ranking as queryRanking returns it: best first, ties share a place, missing last. */
const rows: RankingRow[] = [
  { id: '0003', value: 90, status: null, place: 1 },
  { id: '0001', value: 80, status: null, place: 2 },
  { id: '0005', value: 80, status: null, place: 2 },
  { id: '0002', value: 70, status: null, place: 4 },
  { id: '0004', value: null, status: '..', place: null },
  { id: '0006', value: null, status: null, place: null },
];
const group: PeerGroup = {
  kind: 'liknande',
  label: 'Liknande kommuner (utgåva 2022)',
  description: '',
  members: ['0001', '0004'],
  edition: 2022,
  editions: [2022],
};

describe('standing', () => {
  it('gives the shared place of a tie and counts kommuner with and without values', () => {
    expect(standing(rows, '0005')).toEqual({ place: 2, value: 80, status: null, of: 4, missing: 2 });
    expect(placeText(standing(rows, '0005'))).toBe('plats 2 av 4');
  });
  it('has no place for a missing value and says why', () => {
    expect(standing(rows, '0004').place).toBeNull();
    expect(placeText(standing(rows, '0004'))).toBe('ingen placering (värde saknas, ..)');
  });
  it('words the missing count and the direction', () => {
    expect(missingText(12, '2022')).toBe('12 kommuner saknar värde 2022 och ingår inte i rangordningen.');
    expect(missingText(1, '2022')).toMatch(/^1 kommun saknar/);
    expect(orderText(false)).toMatch(/Lägst värde ger plats 1/);
  });
});

describe('buildRankSpec', () => {
  const spec = buildRankSpec({ kpi, period: '2022', gender: 'T', rows, names, focusId: '0005', group, manifest });

  it('marks the kommun and its peers by role and names every bar', () => {
    expect(spec.bars.map((b) => [b.label, b.role])).toEqual([
      ['Cedå', 'other'],
      ['Aby', 'peer'],
      ['Eda', 'focus'],
      ['Bro', 'other'],
      ['Dal', 'peer'],
      ['Fors', 'other'],
    ]);
    expect(spec.missing).toBe(2);
  });

  it('says the place, the extremes and the missing count in the summary', () => {
    expect(spec.summary).toContain('Eda hade 80\u00a0% 2022, plats 2 av 4 kommuner med värde (högst värde = plats 1), mittersta hälften.');
    expect(spec.summary).toContain('Plats 1: Cedå (90\u00a0%); sist: Bro (70\u00a0%).');
    expect(spec.summary).toContain('2 kommuner saknar värde 2022');
  });

  it('has a raw source line, an own-processing line and the missing note', () => {
    expect(spec.sources[0]).toBe('Källa: Kolada (RKA), U99999, hämtad 2024-08-30');
    expect(spec.sources[1]).toBe('Egen bearbetning av data från Kolada (placeringar, kvartiler)');
    expect(spec.sources[2]).toMatch(/^2 kommuner saknar värde 2022/);
  });

  it('tables every kommun with place and value; a status marker replaces a missing value and is explained', () => {
    expect(spec.table.columns).toEqual(['Kommun', 'Plats (högst värde = plats 1)', 'Värde', 'Kvartil', 'Markerad']);
    expect(spec.table.rows).toHaveLength(6);
    expect(spec.table.rows[0]).toEqual(['Cedå', 1, 90, 'bästa fjärdedelen', '']);
    expect(spec.table.rows[2]).toEqual(['Eda', 2, 80, 'mittersta hälften', 'Vald kommun']);
    expect(spec.table.rows[3]).toEqual(['Bro', 4, 70, 'sämsta fjärdedelen', '']);
    expect(spec.table.rows[4]).toEqual(['Dal', null, '..', 'värde saknas', 'Jämförelsegrupp']);
    expect(spec.table.rows[5]).toEqual(['Fors', null, null, 'värde saknas', '']);
    expect(spec.table.footnotes?.[0]).toBe('".." = sekretess (uppgiften skyddas)');
  });

  it('highlights nobody but the kommun when the group is all kommuner, and nobody without a kommun', () => {
    const alla = buildRankSpec({
      kpi,
      period: '2022',
      gender: 'T',
      rows,
      names,
      focusId: '0005',
      group: { ...group, kind: 'alla', members: ['0001', '0002', '0003', '0004', '0006'] },
      manifest,
    });
    expect(alla.bars.filter((b) => b.role !== 'other').map((b) => b.id)).toEqual(['0005']);
    const none = buildRankSpec({ kpi, period: '2022', gender: 'T', rows, names, focusId: null, group: null, manifest });
    expect(none.bars.every((b) => b.role === 'other')).toBe(true);
    expect(none.summary.startsWith('Plats 1: Cedå')).toBe(true);
  });

  it('explains a kommun without value', () => {
    const s = buildRankSpec({ kpi, period: '2022', gender: 'T', rows, names, focusId: '0004', group: null, manifest });
    expect(s.summary).toContain('Dal saknar värde 2022 (..) och har ingen placering bland 4 kommuner med värde.');
  });
});

describe('quartiles and direction on the ranking', () => {
  it('fills every bar by its quartile class and lists the classes in the legend', () => {
    const spec = buildRankSpec({ kpi, period: '2022', gender: 'T', rows, names, focusId: '0005', group, manifest });
    expect(spec.bars.map((b) => b.className)).toEqual([
      'quartile-best',
      'quartile-middle',
      'quartile-middle',
      'quartile-worst',
      'quartile-missing',
      'quartile-missing',
    ]);
    expect(new Set(spec.bars.map((b) => b.fill)).size).toBe(4);
    expect(spec.quartileLegend?.map((q) => q.label)).toEqual(['bästa fjärdedelen', 'mittersta hälften', 'sämsta fjärdedelen']);
  });

  it('uses neutral words for a cost KPI: no best or worst, and place 1 is the highest cost', () => {
    const cost: Kpi = { ...kpi, id: 'U31001', title: 'Utbetalt ekonomiskt bistånd, kr/inv', unit: 'kr/inv', higher_is_better: null };
    const spec = buildRankSpec({ kpi: cost, period: '2022', gender: 'T', rows, names, focusId: '0003', group: null, manifest });
    expect(spec.summary).toContain('plats 1 av 4 kommuner med värde (högst värde = plats 1), högsta fjärdedelen');
    expect(spec.summary).not.toMatch(/bäst|sämst|bättre|sämre/);
    expect(spec.table.rows.map((r) => r[3])).toEqual([
      'högsta fjärdedelen',
      'mittersta hälften',
      'mittersta hälften',
      'lägsta fjärdedelen',
      'värde saknas',
      'värde saknas',
    ]);
    expect(orderText(null)).toContain('varken bättre eller sämre');
  });

  it('names the file after KPI, period, kommun, group and edition, and carries export metadata', () => {
    const spec = buildRankSpec({ kpi, period: '2022', gender: 'T', rows, names, focusId: '0005', group, manifest });
    expect(spec.fileStem).toBe('U99999_2022_T_rangordning_Eda_0005_liknande_2022');
    expect(spec.meta?.group?.edition).toBe(2022);
    expect(spec.meta?.kommun).toEqual({ id: '0005', name: 'Eda' });
  });
});

describe('completeRanking', () => {
  it('counts kommuner without any row as missing, after the ranked ones, by name', () => {
    const some = rows.slice(0, 3);
    const all = completeRanking(some, ['0001', '0002', '0003', '0004', '0005', '0006'], names);
    expect(all.map((r) => r.id)).toEqual(['0003', '0001', '0005', '0002', '0004', '0006']);
    expect(standing(all, '0002')).toMatchObject({ place: null, of: 3, missing: 3 });
  });
});
