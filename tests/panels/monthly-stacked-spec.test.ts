import { describe, expect, it } from 'vitest';
import type { Kpi, Manifest, Municipality } from '../../src/data/contract.ts';
import type { BreakdownRow } from '../../src/queries/breakdown.ts';
import { buildMonthlySpecs } from '../../src/panels/monthly-spec.ts';
import { buildStackedSpec, isWorkOrStudies } from '../../src/panels/stacked-spec.ts';
import { ownDataSource } from '../../src/panels/own-sources.ts';

const manifest: Manifest = { name: 't', sample: false, retrieved: '2024-08-30', source: 'Kolada (RKA)', licence: 'CC BY 4.0' };
const kommun: Municipality = {
  id: '1286',
  name: 'Ystad',
  type: 'K',
  county_code: '12',
  county_name: null,
  skr_group_code: null,
  skr_group_name: null,
};
const kpi = (id: string, extra: Partial<Kpi> = {}): Kpi => ({
  id,
  title: `${id} titel`,
  unit: '%',
  is_divided_by_gender: false,
  description: '',
  source: 'Kolada (RKA)',
  higher_is_better: false,
  parent: null,
  breakdown: null,
  ...extra,
});
const row = (k: string, period: string, value: number | null): BreakdownRow => ({ kpi: k, gender: 'T', period, value, status: null });

describe('buildMonthlySpecs', () => {
  const parent = kpi('X1');
  const young = kpi('X1_29', { parent: 'X1', breakdown: '–29 år' });
  const old = kpi('X1_50', { parent: 'X1', breakdown: '50– år' });
  const rows = [
    row('X1', '2023-01', 9),
    row('X1', '2023-02', 8),
    row('X1', '2023-03', 7),
    row('X1', '2024-01', 10),
    row('X1', '2024-02', 6),
    row('X1_29', '2024-01', 5),
    row('X1_29', '2024-02', 4),
    row('X1_50', '2024-01', 12),
    row('X1_50', '2024-02', 11),
    row('X1', '2024', 99),
  ];

  it('puts the latest year against the year before, month by month', () => {
    const s = buildMonthlySpecs({ kpi: parent, children: [young, old], kommun, rows, manifest })!;
    expect(s.year).toBe('2024');
    expect(s.years.xs).toHaveLength(12);
    expect(s.years.xLabels?.[0]).toBe('jan');
    expect(s.years.series.map((x) => x.label)).toEqual(['2024', '2023']);
    expect(s.years.series[0].points.slice(0, 3).map((p) => p.y)).toEqual([10, 6, null]);
    expect(s.years.series[1].points.slice(0, 3).map((p) => p.y)).toEqual([9, 8, 7]);
    expect(s.years.table.rows[1]).toEqual(['februari', 6, 8, -2]);
    expect(s.years.summary).toContain('februari 2024: 6\u00a0%');
    expect(s.years.summary).toContain('−2,0\u00a0procentenheter mot februari 2023');
    expect(s.years.sources).toEqual(['Källa: Kolada (RKA), X1, hämtad 2024-08-30']);
  });

  it('shows the breakdowns for the latest year and names the highest and lowest group', () => {
    const s = buildMonthlySpecs({ kpi: parent, children: [young, old], kommun, rows, manifest })!;
    expect(s.breakdown!.series.map((x) => x.label)).toEqual(['–29 år', '50– år']);
    expect(s.breakdown!.table.columns).toEqual(['Månad', '–29 år', '50– år']);
    expect(s.breakdown!.summary).toContain('högst i gruppen 50– år');
    expect(s.breakdown!.sources).toEqual(['Källa: Kolada (RKA), X1_29, X1_50, hämtad 2024-08-30']);
  });

  it('returns null without monthly values and says own data is own data', () => {
    expect(buildMonthlySpecs({ kpi: parent, children: [], kommun, rows: [row('X1', '2024', 3)], manifest })).toBeNull();
    const own = kpi('X1', { source: ownDataSource('hr.csv', '2026-11-30T12:00:00Z') });
    const s = buildMonthlySpecs({ kpi: own, children: [], kommun, rows, manifest })!;
    expect(s.years.sources).toEqual(['Källa: egna data, hr.csv, inläst 2026-11-30 (X1)']);
    expect(s.years.sources.join(' ')).not.toMatch(/Kolada|hämtad/);
    expect(s.breakdown).toBeNull();
  });

  it("keeps the file's decimals, shows age groups for both years and changes in procentenheter", () => {
    const r = [
      row('X1', '2023-01', 9.5),
      row('X1', '2024-01', 9.98),
      row('X1', '2024-02', 8.25),
      row('X1_29', '2023-01', 7.12),
      row('X1_50', '2023-01', 11.4),
      row('X1_29', '2024-01', 8.01),
      row('X1_50', '2024-01', 12.5),
    ];
    const s = buildMonthlySpecs({ kpi: parent, children: [young, old], kommun, rows: r, manifest })!;
    expect(s.years.decimals).toBe(2);
    expect(s.years.summary).toContain('februari 2024: 8,25\u00a0%');
    expect(s.years.table.columns[3]).toBe('Förändring (procentenheter)');
    expect(s.years.table.rows[0]).toEqual(['januari', 9.98, 9.5, 0.48]);
    expect(s.breakdowns.map((b) => b.subtitle)).toEqual(['Ystad 2024, per månad', 'Ystad 2023, per månad']);
    expect(s.breakdowns[1].table.rows[0]).toEqual(['januari', 7.12, 11.4]);
    expect(s.breakdowns[0].summary).toContain('8,01\u00a0%');
    const jan = buildMonthlySpecs({
      kpi: parent,
      children: [],
      kommun,
      rows: [row('X1', '2023-01', 9.5), row('X1', '2024-01', 9.98)],
      manifest,
    })!;
    expect(jan.years.summary).toContain('9,98\u00a0% (+0,48\u00a0procentenheter mot januari 2023)');
  });
});

describe('buildStackedSpec', () => {
  const parent = kpi('X4', { unit: 'antal', title: 'Avslut, antal' });
  const kids = [
    kpi('X4_1', { parent: 'X4', breakdown: 'Arbete', unit: 'antal' }),
    kpi('X4_2', { parent: 'X4', breakdown: 'Studier', unit: 'antal' }),
    kpi('X4_3', { parent: 'X4', breakdown: 'Annan myndighet', unit: 'antal' }),
    kpi('X4_4', { parent: 'X4', breakdown: 'Övrigt', unit: 'antal' }),
  ];
  const rows = [
    row('X4_1', '2023', 10),
    row('X4_2', '2023', 10),
    row('X4_3', '2023', 20),
    row('X4_4', '2023', 60),
    row('X4_1', '2024', 30),
    row('X4_2', '2024', 15),
    row('X4_3', '2024', 5),
    row('X4_4', '2024', null),
  ];

  it('stacks the categories per year and computes the share to work or studies', () => {
    const r = buildStackedSpec({ kpi: parent, children: kids, kommun, rows, manifest })!;
    expect(r.spec.xs).toEqual(['2023', '2024']);
    expect(r.spec.categories.map((c) => c.label)).toEqual(['Arbete', 'Studier', 'Annan myndighet', 'Övrigt']);
    expect(r.spec.values).toEqual([
      [10, 10, 20, 60],
      [30, 15, 5, null],
    ]);
    expect(r.exitShare.map((s) => s.share)).toEqual([20, 90]);
    expect(r.exitText).toBe('2024 gick 90 % av de avslutade deltagarna i Ystad till arbete eller studier (45 av 50), mot 20 % 2023.');
    expect(r.spec.table.rows[0]).toEqual(['2023', 10, 10, 20, 60, 100, '20 %']);
    expect(r.spec.title).toBe('Avslut');
  });

  it('classifies categories by their label and returns null without counts', () => {
    expect(kids.map(isWorkOrStudies)).toEqual([true, true, false, false]);
    expect(buildStackedSpec({ kpi: parent, children: kids, kommun, rows: [], manifest })).toBeNull();
  });
});
