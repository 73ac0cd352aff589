import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { buildMapTopology, prepareMapFile } from '../../../scripts/site/build-geo.ts';
import { MAP_FILE, type KommunProperties } from '../../../src/charts/map/map-file.ts';
import { readKoladaCsv, REPO_DIR } from '../../support/kolada-dir.ts';

/** The shared boundaries (never copied into the repo); GEO_DIR overrides. */
const GEO_DIR = resolve(process.env.GEO_DIR || join(REPO_DIR, '../shared/data/geo'));

describe('map boundary file (scripts/site/build-geo.ts) from the shared boundaries', () => {
  const topo = buildMapTopology(GEO_DIR);
  const kommuner = topo.objects.kommuner as GeometryCollection<KommunProperties>;

  it('has exactly the 290 municipality ids of the Kolada data', () => {
    const kolada = readKoladaCsv('municipalities.csv')
      .filter((m) => m.type === 'K')
      .map((m) => m.municipality_id);
    const ids = kommuner.geometries.map((g) => String(g.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(290);
    expect([...ids].sort()).toEqual([...new Set(kolada)].sort());
    for (const id of ids) expect(id).toMatch(/^\d{4}$/);
  });

  it('keeps name and län per kommun, and names each län from lan.geojson', () => {
    const ystad = kommuner.geometries.find((g) => g.id === '1286')!;
    expect(ystad.properties).toEqual({ name: 'Ystad', lan: '12', lanName: 'Skåne' });
    const props = kommuner.geometries.map((g) => g.properties as KommunProperties);
    expect(new Set(props.map((p) => p.lan)).size).toBe(21);
    expect(props.every((p) => p.lanName)).toBe(true);
  });

  it('is quantised (integer deltas) and at most 80 kB gzip', () => {
    expect(topo.transform).toBeDefined();
    expect(topo.arcs.flat(1).every(([x, y]) => Number.isInteger(x) && Number.isInteger(y))).toBe(true);
    const gz = gzipSync(JSON.stringify(topo)).length;
    expect(gz).toBeLessThanOrEqual(80 * 1024);
    // simplified, but not to nothing: every kommun keeps a shape
    expect(gz).toBeGreaterThan(10 * 1024);
  });

  it('writes the file into a cache keyed by its inputs, and returns null without boundaries', () => {
    const cache = mkdtempSync(join(tmpdir(), 'geo-'));
    try {
      const file = prepareMapFile(GEO_DIR, cache)!;
      expect(file.endsWith(MAP_FILE)).toBe(true);
      expect((JSON.parse(readFileSync(file, 'utf8')) as Topology).type).toBe('Topology');
      expect(prepareMapFile(GEO_DIR, cache)).toBe(file);
      expect(prepareMapFile(join(cache, 'nowhere'), cache)).toBeNull();
      expect(existsSync(join(cache, 'nowhere'))).toBe(false);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
