import { describe, expect, it } from 'vitest';
import type { Kpi, Manifest, Municipality } from '../../src/data/contract.ts';
import type { PanelPoint } from '../../src/queries/panel-series.ts';
import { panelPoint } from '../support/panel-point.ts';
import type { PeerGroup } from '../../src/peers/peer-group.ts';
import { buildSeriesSpec } from '../../src/panels/series-spec.ts';
import { groupNote, keyFigures } from '../../src/panels/stats-line.ts';
import { statusFootnotes, valueCell } from '../../src/panels/status.ts';

const point = (period: string, value: number | null, extra: Partial<PanelPoint> = {}) => panelPoint(period, value, { allN: 10, ...extra });
const kpi: Kpi = {
  id: 'U99999',
  title: 'Påhittat',
  unit: '%',
  is_divided_by_gender: false,
  description: '',
  source: 'Kolada (RKA)',
  higher_is_better: true,
  parent: null,
  breakdown: null,
};
const kommun: Municipality = {
  id: '0001',
  name: 'Aby',
  type: 'K',
  county_code: null,
  county_name: null,
  skr_group_code: null,
  skr_group_name: null,
};
const group: PeerGroup = {
  kind: 'liknande',
  label: 'Liknande kommuner (utgåva 2022)',
  description: '',
  members: [],
  edition: 2022,
  editions: [2022],
};
const manifest: Manifest = { name: 'T', sample: false, retrieved: null, source: 'Kolada (RKA)', licence: '' };

describe('status markers', () => {
  it('show in place of a missing value and never replace a number', () => {
    expect(valueCell(null, '..')).toBe('..');
    expect(valueCell(null, null)).toBeNull();
    expect(valueCell(0, '..')).toBe(0);
  });
  it('are explained once each', () => {
    expect(statusFootnotes(['..', null, '-', '..', undefined])).toEqual([
      '"-" = bortfall (uppgift saknas)',
      '".." = sekretess (uppgiften skyddas)',
    ]);
  });
  it('reach the series table with a footnote', () => {
    const spec = buildSeriesSpec({
      id: 'x',
      kpi,
      kommun,
      group,
      manifest,
      target: null,
      points: [point('2020', 70), point('2021', null, { status: '..' }), point('2022', null), point('2023', 72)],
      options: { showRiket: false, showAll: false, band: 'minmax', genderLabel: 'totalt' },
    });
    expect(spec.table.rows.map((r) => r[1])).toEqual([70, '..', null, 72]);
    expect(spec.table.footnotes).toEqual(['".." = sekretess (uppgiften skyddas)']);
    expect(spec.series[0].points.map((p) => p.y)).toEqual([70, null, null, 72]);
  });
});

describe('group note', () => {
  it('says how many members the mean rests on when some lack a value', () => {
    expect(groupNote({ period: '2022', groupN: 5, groupSize: 7 })).toBe('Gruppmedel 2022 bygger på 5 av 7 kommuner; 2 saknar värde.');
    expect(groupNote({ period: '2022', groupN: 6, groupSize: 7 })).toBe('Gruppmedel 2022 bygger på 6 av 7 kommuner; en saknar värde.');
    expect(groupNote({ period: '2022', groupN: 0, groupSize: 7 })).toMatch(/Ingen av gruppens 7 kommuner har värde 2022/);
    expect(groupNote({ period: '2022', groupN: 7, groupSize: 7 })).toBeNull();
  });
  it('is part of the key figures for the shown period', () => {
    const f = keyFigures([point('2021', 70), point('2022', 71, { groupN: 5 })], kpi, null);
    expect(f?.groupNote).toBe('Gruppmedel 2022 bygger på 5 av 7 kommuner; 2 saknar värde.');
  });
});
