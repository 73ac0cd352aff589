import { describe, expect, it } from 'vitest';
import { groupsFromApi, kpisFromApi, municipalitiesFromApi, unitFromTitle, valuesFromApi } from '../../src/kolada-api/to-contract.ts';

describe('unitFromTitle', () => {
  it.each([
    ['Sjukfrånvaro totalt bland anställda, kommun, andel (%)', '%'],
    ['Ej återaktualiserade vuxna …, andel (%) (- 2024)', '%'],
    ['Kostnad ekonomiskt bistånd, kr/inv', 'kr/inv'],
    ['Utbetalt ekonomiskt bistånd (enl Sos exkl flyktinghushåll), kr/inv (-2023)', 'kr/inv'],
    ['Invånare totalt, antal', 'antal'],
    ['Nöjd Medborgar-Index - Kommunen', ''],
  ])('%s → %s', (title, unit) => expect(unitFromTitle(title)).toBe(unit));
});

describe('valuesFromApi', () => {
  it('keeps id strings, turns periods into text, keeps nulls, reads genders in any order and drops isdeleted', () => {
    const { values, deleted } = valuesFromApi([
      {
        kpi: 'N00090',
        municipality: '0180',
        period: 2022,
        values: [
          { gender: 'M', count: 1, status: '', value: 5.6 },
          { gender: 'T', count: 0, status: '', value: null },
          { gender: 'K', count: 1, status: '..', value: 9.9 },
        ],
      },
      { kpi: 'N00090', municipality: '0114', period: 2021, isdeleted: true, values: [{ gender: 'T', value: 1 }] },
    ]);
    expect(values).toEqual([
      { kpi: 'N00090', municipality_id: '0180', period: '2022', gender: 'M', value: 5.6, status: null },
      { kpi: 'N00090', municipality_id: '0180', period: '2022', gender: 'T', value: null, status: null },
      { kpi: 'N00090', municipality_id: '0180', period: '2022', gender: 'K', value: 9.9, status: '..' },
    ]);
    expect(deleted).toEqual([{ kpi: 'N00090', municipality_id: '0114', period: '2021' }]);
    expect(() => valuesFromApi([{ kpi: 'A', municipality: '0180', period: 2022, values: [{ gender: 'X', value: 1 }] }])).toThrow(
      /unknown gender/,
    );
    expect(() => valuesFromApi([{ kpi: 'A', municipality: '0180', period: 2022, values: [{ gender: 'T', value: 'NaN' }] }])).toThrow(
      /non-numeric/,
    );
  });
});

describe('metadata', () => {
  it('maps KPIs with a unit, boolean gender flag and Kolada as source', () => {
    expect(kpisFromApi([{ id: 'N1', title: 'X, kr/inv', description: 'd', is_divided_by_gender: true }])).toEqual([
      {
        id: 'N1',
        title: 'X, kr/inv',
        unit: 'kr/inv',
        is_divided_by_gender: true,
        description: 'd',
        source: 'Kolada (RKA)',
        higher_is_better: null,
        parent: null,
        breakdown: null,
      },
    ]);
  });
  it('derives county codes (kommun: first two digits, region: last two, Riket: none) and SKR groups', () => {
    const groups = groupsFromApi(
      [
        {
          id: 'G175905',
          title: 'Liknande kommuner ekonomiskt bistånd, Upplands Väsby, 2022',
          members: [{ member_id: '0180', member_title: 'Stockholm' }],
        },
        { id: 'G92787', title: 'Storstäder (ovägt medel)', members: [{ member_id: '0180' }] },
        { id: 'G1', title: 'Liknande kommuner socioekonomi, Ale, 2023', members: [{ member_id: '0114' }] },
        { id: 'G2', title: 'Liknande kommuner ekonomiskt bistånd, Atlantis, 2023', members: [{ member_id: '0114' }] },
      ],
      [{ id: '0114', name: 'Upplands Väsby', type: 'K' }],
    );
    expect(groups.groups).toEqual([
      {
        group_id: 'G175905',
        title: 'Liknande kommuner ekonomiskt bistånd, Upplands Väsby, 2022',
        kind: 'liknande_ekonomiskt_bistand',
        edition: 2022,
        owner_id: '0114',
        member_id: '0180',
      },
      {
        group_id: 'G2',
        title: 'Liknande kommuner ekonomiskt bistånd, Atlantis, 2023',
        kind: 'liknande_ekonomiskt_bistand',
        edition: 2023,
        owner_id: null,
        member_id: '0114',
      },
      {
        group_id: 'G1',
        title: 'Liknande kommuner socioekonomi, Ale, 2023',
        kind: 'liknande_socioekonomi',
        edition: 2023,
        owner_id: null,
        member_id: '0114',
      },
      { group_id: 'G92787', title: 'Storstäder (ovägt medel)', kind: 'skr_kommungrupp', edition: 2023, owner_id: null, member_id: '0180' },
    ]);
    expect(groups.warnings).toEqual([
      'group G1 "Liknande kommuner socioekonomi, Ale, 2023": no kommun named "Ale"; owner_id left empty',
      'group G2 "Liknande kommuner ekonomiskt bistånd, Atlantis, 2023": no kommun named "Atlantis"; owner_id left empty',
    ]);
    const m = municipalitiesFromApi(
      [
        { id: '0180', title: 'Stockholm', type: 'K' },
        { id: '0000', title: 'Riket', type: 'L' },
        { id: '0014', title: 'Västra Götalandsregionen', type: 'L' },
      ],
      groups.skrByMember,
    );
    expect(m.map((x) => [x.id, x.county_code, x.county_name, x.skr_group_code, x.skr_group_name])).toEqual([
      ['0000', null, null, null, null],
      ['0014', '14', null, null, null],
      ['0180', '01', 'Stockholms län', 'A1', 'Storstäder'],
    ]);
  });
});
