import { describe, expect, it } from 'vitest';
import type { Kpi } from '../../src/data/contract.ts';
import { panelPoint } from '../support/panel-point.ts';
import { keyFigures, nearestYears } from '../../src/panels/stats-line.ts';

const nb = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');
const point = panelPoint;
const share: Pick<Kpi, 'unit' | 'higher_is_better'> = { unit: '%', higher_is_better: true };
const cost: Pick<Kpi, 'unit' | 'higher_is_better'> = { unit: 'kr/inv', higher_is_better: null };
const ystad = [point('2011', 82), point('2012', 85), point('2021', 92), point('2022', 90)];

describe('key figures: rank direction and quartile', () => {
  it('states the direction with every place; a cost KPI in neutral words', () => {
    const f = keyFigures([point('2021', 700), point('2022', 720)], cost, null)!;
    expect(f.direction).toBe('högst värde = plats 1');
    expect(f.quartileText).toBe('högsta fjärdedelen');
    expect(`${f.rankAll}, ${f.direction}`).toBe('plats 3 av 200, högst värde = plats 1');
    expect(keyFigures([point('2022', 5)], { unit: '%', higher_is_better: false }, null)!.direction).toBe('lägst värde = plats 1');
  });
  it('reads the quartile through the direction', () => {
    expect(keyFigures([point('2022', 65)], share, null)!.quartileText).toBe('bästa fjärdedelen');
    expect(keyFigures([point('2022', 65)], { unit: '%', higher_is_better: false }, null)!.quartileText).toBe('sämsta fjärdedelen');
    expect(keyFigures([point('2022', 50)], share, null)!.quartile).toBe('middle');
  });
  it('never says "plats 1 av 1 i gruppen" for an empty custom group', () => {
    const f = keyFigures([point('2022', 70, { groupN: 0, groupSize: 0, rankGroup: 1, groupMean: null })], share, null)!;
    expect(f.rankGroup).not.toMatch(/plats 1 av 1/);
    expect(f.rankGroup).toBe('ingen placering (gruppen har inga medlemmar)');
  });
});

describe('key figures for a year outside the data', () => {
  it('a year before the first value: "inget värde 2010" and the nearest year, never null', () => {
    const f = keyFigures(ystad, share, '2010')!;
    expect(f).not.toBeNull();
    expect(f.value).toBe('inget värde 2010');
    expect(nb(f.nearest)).toBe('Närmaste år med värde: 2011 (82 %). Värden finns för 2011–2022.');
  });
  it('a year after the last value (?ar=2031)', () => {
    const f = keyFigures(ystad, share, '2031')!;
    expect(f.value).toBe('inget värde 2031');
    expect(nb(f.nearest)).toContain('2022 (90 %)');
    expect(f.rankAll).toBe('ingen placering');
  });
  it('a gap inside the series names the years on both sides', () => {
    expect(nb(nearestYears(ystad, '2015', '%'))).toBe('Närmaste år med värde: 2012 (85 %) och 2021 (92 %). Värden finns för 2011–2022.');
  });
  it('a kommun without any value still gets figures for the latest year its group has one, saying so', () => {
    const pts = [
      point('2021', null),
      point('2022', null, { groupMean: 71 }),
      point('2023', null, { groupMean: null, allMean: null, riket: null }),
    ];
    const f = keyFigures(pts, share, null)!;
    expect(f.noKommunValues).toBe(true);
    expect(f.period).toBe('2022');
    expect(f.value).toBe('inget värde 2022');
    expect(nb(f.groupMean)).toBe('71,0 %');
    expect(f.rankAll).toBe('ingen placering');
    expect(keyFigures(ystad, share, null)!.noKommunValues).toBe(false);
  });
  it('returns null only when neither the kommun nor its group has a value (the chart would show no year)', () => {
    const none = { groupMean: null, groupN: 0, riket: 55 };
    expect(keyFigures([point('2021', null, none), point('2022', null, none)], share, '2022')).toBeNull();
    expect(keyFigures([point('2021', null, none), point('2022', null, { groupMean: 61 })], share, '2022')).not.toBeNull();
  });
  it('rounds the change before choosing its sign: never "−0,0"', () => {
    const f = keyFigures([point('2021', 80.04), point('2022', 80)], share, null)!;
    expect(nb(f.change)).toBe('±0,0 procentenheter från 2021');
  });
});

describe('summary wording', () => {
  it('keeps "SKR-grupp" capitalised mid-sentence and lower-cases ordinary labels', async () => {
    const { seriesSummary } = await import('../../src/panels/summary.ts');
    const pts = [point('2021', 70), point('2022', 71)];
    expect(
      seriesSummary({
        kommun: 'Ystad',
        groupLabel: 'SKR-grupp: Lågpendlingskommun nära större stad',
        points: pts,
        unit: '%',
        higherIsBetter: true,
        target: null,
      }),
    ).toContain('medelvärdet för SKR-grupp:');
    expect(
      seriesSummary({
        kommun: 'Ystad',
        groupLabel: 'Liknande kommuner (utgåva 2023)',
        points: pts,
        unit: '%',
        higherIsBetter: true,
        target: null,
      }),
    ).toContain('för liknande kommuner (utgåva 2023)');
  });
  it('says plainly that a kommun has no values and gives its group’s latest mean', async () => {
    const { seriesSummary } = await import('../../src/panels/summary.ts');
    const summary = (points: ReturnType<typeof point>[]) =>
      nb(
        seriesSummary({ kommun: 'Upplands Väsby', groupLabel: 'Liknande kommuner', points, unit: '%', higherIsBetter: true, target: null }),
      );
    expect(summary([point('2021', null, { groupMean: 79.3 }), point('2022', null, { groupMean: 73.84 })])).toBe(
      'Upplands Väsby har inga värden. Medelvärdet för liknande kommuner 2022: 73,8 %.',
    );
    // values in other years than the group's: no shared year, which is a different thing
    expect(summary([point('2021', 70, { groupMean: null }), point('2022', null, { groupMean: 74 })])).toBe(
      'Upplands Väsby och liknande kommuner saknar gemensamma år med värden. Senaste värde 2021: 70 %.',
    );
  });
});
