import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Component } from 'svelte';
import type { ChartSpec } from '../../src/charts/spec.ts';
import { standaloneSvg } from '../../src/export/svg-serialize.ts';
import { lineSpec, mapSpec, rankSpec, stackedSpec, syntheticMapTopology } from './chart-specs.ts';

/**
 * Golden SVG files: each chart kind is server-rendered by the real components from a fixed spec,
 * passed through the export serializer (geometry rounded to 2 decimals) and compared with the
 * committed file. A visual change fails; UPDATE_GOLDEN=1 rewrites the files after review.
 */
const DIR = resolve('tests/charts/__golden__');
let vite: ViteDevServer;
let Chart: Component<{ spec: ChartSpec; fixedWidth?: number }>;
let render: typeof import('svelte/server').render;

beforeAll(async () => {
  vite = await createServer({
    configFile: false,
    root: resolve('.'),
    plugins: [svelte({ compilerOptions: { hmr: false } })],
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    logLevel: 'error',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  // Component and renderer through the same module graph, so they share one Svelte runtime.
  Chart = (await vite.ssrLoadModule('/src/charts/Chart.svelte')).default;
  render = (await vite.ssrLoadModule('svelte/server')).render;
  // The map draws from boundaries provided before rendering, as the prerenderer does (here a synthetic grid).
  await (await vite.ssrLoadModule('/src/charts/map/map-data.svelte.ts')).provideMapTopology(syntheticMapTopology());
});
afterAll(() => vite?.close());

function chartSvg(spec: ChartSpec, width: number): string {
  const { body } = render(Chart, { props: { spec, fixedWidth: width } });
  const svg = body.slice(body.indexOf('<svg'), body.lastIndexOf('</svg>') + 6);
  return standaloneSvg(svg);
}

function compareGolden(name: string, svg: string) {
  const file = resolve(DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, svg);
  }
  expect(existsSync(file), `${name} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(svg).toBe(readFileSync(file, 'utf8'));
}

describe('golden SVG per chart kind', () => {
  for (const [name, spec] of [
    ['line', lineSpec],
    ['rank', rankSpec],
    ['stacked', stackedSpec],
    ['map', mapSpec],
  ] as const) {
    for (const width of [640, 360]) {
      it(`${name} at ${width} px matches ${name}-${width}.svg`, () => {
        const svg = chartSvg(spec, width);
        expect(svg).not.toMatch(/<!--/);
        expect(svg).not.toMatch(/\d\.\d{3,}/);
        expect(svg).toContain(spec.title.slice(0, 20));
        compareGolden(`${name}-${width}.svg`, svg);
      });
    }
  }

  it('fails on a visual change: a different value moves a mark', () => {
    const changed = {
      ...lineSpec,
      series: lineSpec.series.map((s) =>
        s.role === 'focus' ? { ...s, points: s.points.map((p) => (p.x === '2022' ? { ...p, y: 60 } : p)) } : s,
      ),
    };
    expect(chartSvg(changed, 640)).not.toBe(readFileSync(resolve(DIR, 'line-640.svg'), 'utf8'));
  });

  it('the map draws every kommun with its class, the län border and the outlines of the kommun and its group', () => {
    const svg = chartSvg(mapSpec, 640);
    expect(svg.match(/data-id="\d{4}"/g)).toHaveLength(20);
    for (const a of mapSpec.areas) expect(svg).toContain(`data-id="${a.id}" data-cls="${a.cls}"`);
    expect(svg).toMatch(/<pattern id="map-golden-map-missing"/);
    expect(svg.match(/fill="url\(#map-golden-map-missing\)"/g)!.length).toBe(mapSpec.areas.filter((a) => a.cls === 'missing').length + 1);
    // one län border: the vertical line between the two halves of the grid
    // 400 × 500 units fitted into 600 px of height: scale 1.2, so the border between the two columns of län lies at x = 240
    expect(svg).toContain('class="map-lan" d="M240,0L240,120L240,240L240,360L240,480L240,600"');
    // the four peers (every sixth square from the second) outlined together, over a white halo
    expect(svg).toMatch(/<g class="map-peers"[^>]*><path d="(M[^"]*Z){4}" fill="none" stroke="#ffffff"/);
    expect(svg).toContain('Kommungränser: Valmyndigheten via okfse/sweden-geojson');
    const changed = { ...mapSpec, areas: mapSpec.areas.map((a) => (a.id === '1000' ? { ...a, cls: 'worst' as const } : a)) };
    expect(chartSvg(changed, 640)).not.toBe(svg);
  });
});
