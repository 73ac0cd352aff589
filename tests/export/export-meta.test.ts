import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/data/contract.ts';
import type { PeerGroup } from '../../src/peers/peer-group.ts';
import { exportMetadata, exportStem, memberTable, metadataRows, todayIso } from '../../src/export/export-meta.ts';

const manifest: Manifest = { name: 'T', sample: false, retrieved: '2024-08-30', source: 'Kolada (RKA)', licence: 'CC BY 4.0' };
const kpi = { id: 'U31462', title: 'Ej återaktualiserade', unit: '%' };
const kommun = { id: '1286', name: 'Ystad' };
const names = new Map([
  ['1286', 'Ystad'],
  ['0180', 'Stockholm'],
  ['2380', 'Östersund'],
]);
const liknande: PeerGroup = {
  kind: 'liknande',
  label: 'Liknande kommuner (utgåva 2023)',
  description: 'Koladas grupp, utgåva 2023',
  members: ['2380', '0180'],
  edition: 2023,
  editions: [2022, 2023],
};
const egen: PeerGroup = {
  kind: 'egen',
  label: 'Egen grupp (0 kommuner)',
  description: 'Egen grupp vald i Jämför',
  members: [],
  edition: null,
  editions: [],
};

describe('export metadata shared by every export format', () => {
  const meta = exportMetadata({
    kpi,
    kommun,
    group: liknande,
    names,
    periods: ['2019', '2020', '2022'],
    gender: null,
    sources: ['Källa: Kolada (RKA), U31462, hämtad 2024-08-30', 'Egen bearbetning'],
    manifest,
  });

  it('lists title, KPI, kommun, group, definition, edition, members, period, sources and both dates, in order', () => {
    expect(metadataRows(meta, '2026-11-30')).toEqual([
      ['Titel', 'Ej återaktualiserade'],
      ['Nyckeltal', 'U31462 (%)'],
      ['Kommun', 'Ystad (1286)'],
      ['Jämförelsegrupp', 'Liknande kommuner (utgåva 2023)'],
      ['Gruppens definition', 'Koladas grupp, utgåva 2023'],
      ['Utgåva', '2023'],
      ['Medlemmar', 'Östersund (2380), Stockholm (0180)'],
      ['Period', '2019–2022'],
      ['Källa', 'Källa: Kolada (RKA), U31462, hämtad 2024-08-30'],
      ['Bearbetning', 'Egen bearbetning'],
      ['Data hämtad', '2024-08-30'],
      ['Exporterad', '2026-11-30'],
    ]);
  });
  it('names files after KPI, kommun, group and edition (ASCII), so two editions never share a name', () => {
    expect(exportStem(meta)).toBe('U31462_Ystad_1286_liknande_2023');
    expect(exportStem({ ...meta, group: { ...meta.group!, edition: 2022 } })).toBe('U31462_Ystad_1286_liknande_2022');
    const own = exportMetadata({
      kpi,
      kommun: { id: '2380', name: 'Östersund' },
      group: egen,
      names,
      periods: ['2022'],
      gender: 'kvinnor',
      sources: [],
      manifest,
    });
    expect(exportStem(own)).toBe('U31462_Ostersund_2380_egen');
    expect(metadataRows(own, '2026-11-30')).toContainEqual(['Medlemmar', 'inga']);
    expect(metadataRows(own, '2026-11-30')).toContainEqual(['Kön', 'kvinnor']);
  });
  it('tables each member per period, kommun first, markers kept, missing empty', () => {
    const t = memberTable({
      kpi,
      kommun,
      group: liknande,
      names,
      periods: ['2021', '2022'],
      values: [
        { id: '1286', period: '2021', value: 92, status: null },
        { id: '0180', period: '2022', value: null, status: '..' },
        { id: '2380', period: '2021', value: 0, status: null },
      ],
    });
    expect(t.columns).toEqual(['Kommun', 'Kod', 'Roll', '2021', '2022']);
    expect(t.rows).toEqual([
      ['Ystad', '1286', 'Vald kommun', 92, null],
      ['Stockholm', '0180', 'Medlem', null, '..'],
      ['Östersund', '2380', 'Medlem', 0, null],
    ]);
  });
  it('dates an export in Swedish time', () => expect(todayIso(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01'));
});
