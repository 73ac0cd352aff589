import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoTransverseMercator, type GeoPermissibleObjects } from 'd3';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { quantize } from 'topojson-client';
import { MAP_FILE, MAP_EXTENT, type KommunProperties } from '../../src/charts/map/map-file.ts';

export const DEFAULT_GEO_DIR = '../shared/data/geo';

/** Share of arc vertices kept (by planar triangle area, Visvalingam); the rest is below what a screen map shows. */
const KEEP = 0.3;
/** Grid of the quantised coordinates (after projection, MAP_EXTENT units). */
const QUANTIZATION = 4000;

interface RawKommun {
  id: string;
  kom_namn: string;
  lan_code: string;
}

/**
 * Boundaries for the map: kommuner.geojson (290 kommuner) projected to a Swedish transverse Mercator
 * (central meridian 15° E, as SWEREF 99 TM), converted to TopoJSON, simplified and quantised. Län
 * borders are drawn from the kommun arcs in the browser (`mesh` where the län differs), so they lie
 * exactly on the kommun borders; lan.geojson only supplies the län names.
 */
export function buildMapTopology(geoDir: string): Topology {
  const kommuner = JSON.parse(readFileSync(join(geoDir, 'kommuner.geojson'), 'utf8')) as FeatureCollection<Geometry, RawKommun>;
  const lan = JSON.parse(readFileSync(join(geoDir, 'lan.geojson'), 'utf8')) as FeatureCollection<Geometry, { name: string; l_id: number }>;
  const lanName = new Map(lan.features.map((f) => [String(f.properties.l_id).padStart(2, '0'), f.properties.name]));
  const projection = geoTransverseMercator()
    .rotate([-15, 0])
    .fitExtent([[0, 0], MAP_EXTENT], kommuner as GeoPermissibleObjects);
  const project = (p: Position): Position => projection(p as [number, number]) ?? [0, 0];
  const projectRings = (rings: Position[][]) => rings.map((ring) => ring.map(project));
  const features: Feature<Geometry, KommunProperties>[] = kommuner.features.map((f) => {
    const g = f.geometry;
    const geometry: Geometry =
      g.type === 'Polygon'
        ? { type: 'Polygon', coordinates: projectRings(g.coordinates) }
        : g.type === 'MultiPolygon'
          ? { type: 'MultiPolygon', coordinates: g.coordinates.map(projectRings) }
          : (() => {
              throw new Error(`kommun ${f.properties.id}: unexpected ${g.type}`);
            })();
    const { id, kom_namn: name, lan_code: lan } = f.properties;
    return { type: 'Feature', id, properties: { name, lan, lanName: lanName.get(lan) ?? '' }, geometry };
  });
  features.sort((a, b) => String(a.id).localeCompare(String(b.id)));
  const collection: FeatureCollection<Geometry, KommunProperties> = { type: 'FeatureCollection', features };
  const planar = presimplify(topology({ kommuner: collection }) as Parameters<typeof presimplify>[0]);
  return quantize(simplify(planar, quantile(planar, 1 - KEEP)), QUANTIZATION) as Topology;
}

/** The code that shapes the file; editing it invalidates the cache. */
const PRODUCERS = ['scripts/site/build-geo.ts', 'src/charts/map/map-file.ts'];

/**
 * Writes the map file into a cache directory keyed by the inputs and returns its path, or null when
 * GEO_DIR has no boundaries (the site is then built without the map, and the caller says so).
 */
export function prepareMapFile(geoDir = process.env.GEO_DIR || DEFAULT_GEO_DIR, cacheRoot = '.cache'): string | null {
  const dir = resolve(geoDir);
  if (!existsSync(join(dir, 'kommuner.geojson')) || !existsSync(join(dir, 'lan.geojson'))) return null;
  const h = createHash('sha256');
  for (const p of PRODUCERS) h.update(readFileSync(fileURLToPath(new URL(`../../${p}`, import.meta.url))));
  for (const f of ['kommuner.geojson', 'lan.geojson']) h.update(readFileSync(join(dir, f)));
  const file = resolve(cacheRoot, 'geo', h.digest('hex').slice(0, 16), MAP_FILE);
  if (existsSync(file)) return file;
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(buildMapTopology(dir)));
  renameSync(tmp, file);
  return file;
}
