import { feature, mesh } from 'topojson-client';
import { geoIdentity, geoPath } from 'd3';
import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { KommunProperties } from './map-file.ts';

/** Loaded on demand (dynamic import) with the boundary file: topojson-client and d3-geo stay out of the first page. */

export interface KommunShape extends KommunProperties {
  id: string;
  feature: Feature<Geometry, KommunProperties>;
}

/** Paths of every kommun, the län borders and the country's outline fitted into a width × height box. */
export interface ProjectedMap {
  width: number;
  height: number;
  paths: Map<string, string>;
  centroids: Map<string, [number, number]>;
  lanBorders: string;
  outline: string;
}

export class MapGeometry {
  readonly kommuner: KommunShape[];
  readonly byId: Map<string, KommunShape>;
  readonly #all: FeatureCollection<Geometry, KommunProperties>;
  readonly #lan: MultiLineString;
  readonly #outline: MultiLineString;
  readonly #cache = new Map<string, ProjectedMap>();

  constructor(topo: Topology) {
    const object = topo.objects.kommuner as GeometryCollection<KommunProperties>;
    this.#all = feature(topo, object) as FeatureCollection<Geometry, KommunProperties>;
    this.kommuner = this.#all.features.map((f) => ({ id: String(f.id), ...f.properties, feature: f }));
    this.byId = new Map(this.kommuner.map((k) => [k.id, k]));
    const lan = (g: { properties?: unknown }) => (g.properties as KommunProperties | undefined)?.lan;
    this.#lan = mesh(topo, object, (a, b) => a !== b && lan(a) !== lan(b));
    this.#outline = mesh(topo, object, (a, b) => a === b);
  }

  /** Width of the map at a given height (the aspect of Sweden in the file's projection). */
  widthFor(height: number): number {
    const [[x0, y0], [x1, y1]] = geoPath(geoIdentity()).bounds(this.#all);
    return Math.round(((x1 - x0) / (y1 - y0)) * height);
  }

  /** Everything projected into the box (centred, aspect kept); cached per size. */
  project(width: number, height: number): ProjectedMap {
    const key = `${width}x${height}`;
    const hit = this.#cache.get(key);
    if (hit) return hit;
    const path = geoPath(geoIdentity().fitSize([width, height], this.#all)).digits(1);
    const paths = new Map<string, string>();
    const centroids = new Map<string, [number, number]>();
    for (const k of this.kommuner) {
      paths.set(k.id, path(k.feature) ?? '');
      centroids.set(k.id, path.centroid(k.feature));
    }
    const projected = { width, height, paths, centroids, lanBorders: path(this.#lan) ?? '', outline: path(this.#outline) ?? '' };
    this.#cache.set(key, projected);
    return projected;
  }
}

export function mapGeometry(topo: Topology): MapGeometry {
  return new MapGeometry(topo);
}
