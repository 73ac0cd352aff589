import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/svelte';
import LineChart from '../../src/charts/LineChart.svelte';
import type { LineChartSpec } from '../../src/charts/spec.ts';

afterEach(cleanup);

/** Synthetic values: the kommun has a gap in 2021 and an isolated value in 2023 (2022 and 2024 missing). */
function spec(): LineChartSpec {
  const xs = ['2019', '2020', '2021', '2022', '2023', '2024'];
  return {
    kind: 'line',
    id: 'test-line',
    title: 'Påhittat nyckeltal',
    subtitle: 'Aby jämfört med liknande kommuner.',
    unit: '%',
    xs,
    series: [
      { id: 'kommun', label: 'Aby', role: 'focus', points: [60, 62, null, null, 70, null].map((y, i) => ({ x: xs[i], y })) },
      {
        id: 'group',
        label: 'Medel: Liknande kommuner (utgåva 2022)',
        short: 'Gruppmedel',
        role: 'group',
        points: [55, 56, 57, 58, 59, 61].map((y, i) => ({ x: xs[i], y })),
      },
    ],
    band: { label: 'Gruppens spridning (min–max)', points: xs.map((x) => ({ x, lo: 40, hi: 80 })) },
    sources: ['Källa: Kolada (RKA), U99999', 'Egen bearbetning av data från Kolada'],
    summary: 'Aby låg över medelvärdet.',
    table: { caption: 't', columns: ['År'], rows: [], unit: '%' },
    fileStem: 'x',
  };
}

const subpaths = (d: string | null | undefined) => (d ?? '').split('M').filter(Boolean).length;

describe('LineChart', () => {
  it('breaks the line at a missing year instead of drawing a zero', () => {
    const { container } = render(LineChart, { spec: spec(), width: 800 });
    const path = container.querySelector('[data-series="kommun"] path')!;
    const d = path.getAttribute('d')!;
    expect(subpaths(d)).toBe(2);
    const ys = [...d.matchAll(/[ML]([\d.-]+),([\d.-]+)/g)].map((m) => Number(m[2]));
    const zeroY = Math.max(...ys);
    // no vertex of the kommun's line sits on the plot floor, where a 0 % would be
    const floor = Number(
      container
        .querySelector('.axis-x')!
        .getAttribute('transform')!
        .match(/,([\d.]+)\)/)![1],
    );
    expect(zeroY).toBeLessThan(floor);
    expect(subpaths(container.querySelector('[data-series="group"] path')!.getAttribute('d'))).toBe(1);
  });

  it('still marks an isolated value that has no neighbour to join', () => {
    const { container } = render(LineChart, { spec: spec(), width: 800 });
    const markers = container.querySelectorAll('[data-series="kommun"] circle');
    expect(markers).toHaveLength(3);
  });

  it('labels each series directly at its last value, wide enough', () => {
    const { container } = render(LineChart, { spec: spec(), width: 800 });
    const labels = [...container.querySelectorAll('.direct-labels text')].map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(['Aby 70', 'Gruppmedel 61']));
  });

  it('drops direct labels when narrow but keeps the legend with every name', () => {
    const { container } = render(LineChart, { spec: spec(), width: 390 });
    expect(container.querySelectorAll('.direct-labels text')).toHaveLength(0);
    const legend = [...container.querySelectorAll('.legend-item text')].map((t) => t.textContent);
    expect(legend).toEqual(['Aby', 'Medel: Liknande kommuner (utgåva 2022)', 'Gruppens spridning (min–max)']);
  });

  it('carries title, summary and source lines inside the SVG', () => {
    const { container } = render(LineChart, { spec: spec(), width: 800 });
    const svg = container.querySelector('svg')!;
    expect(svg.querySelector('title')?.textContent).toBe('Påhittat nyckeltal');
    expect(svg.querySelector('desc')?.textContent).toBe('Aby låg över medelvärdet.');
    expect(svg.textContent).toContain('Källa: Kolada (RKA), U99999');
    expect(svg.textContent).toContain('Egen bearbetning av data från Kolada');
  });
});

describe('LineChart status markers', () => {
  it('writes Kolada’s marker at a missing value of the kommun', () => {
    const s = spec();
    s.series[0].points[2].status = '..';
    const { container } = render(LineChart, { spec: s, width: 800 });
    expect([...container.querySelectorAll('.status-marks text')].map((t) => t.textContent)).toEqual(['..']);
  });
});
