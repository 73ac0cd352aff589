import type { Topology } from 'topojson-specification';
import type { MapGeometry } from './geometry.ts';
import { MAP_FILE } from './map-file.ts';

/**
 * The boundaries, loaded once when a map is first shown: the file and the code that reads it
 * (topojson-client, d3-geo) arrive together on demand. The prerenderer and tests provide them directly.
 */
class MapData {
  geo = $state.raw<MapGeometry | null>(null);
  status = $state<'idle' | 'loading' | 'ready' | 'unavailable'>('idle');
}
export const mapData = new MapData();

// The site root as the first page saw it (the page may later move to another depth client-side).
const rootMeta = typeof document === 'undefined' ? null : document.querySelector<HTMLMetaElement>('meta[name="jamfor-root"]')?.content;
const siteRoot = typeof location === 'undefined' ? null : new URL(import.meta.env.DEV ? '/' : (rootMeta ?? './'), location.href);

let pending: Promise<void> | null = null;

/** Starts loading the boundaries (once); the map shows "unavailable" when the site was built without them. */
export function loadMap(): Promise<void> {
  if (mapData.geo || !siteRoot) return Promise.resolve();
  return (pending ??= (async () => {
    mapData.status = 'loading';
    try {
      const [res, { mapGeometry }] = await Promise.all([fetch(new URL(`data/${MAP_FILE}`, siteRoot)), import('./geometry.ts')]);
      if (!res.ok) throw new Error(`${res.status}`);
      mapData.geo = mapGeometry((await res.json()) as Topology);
      mapData.status = 'ready';
    } catch {
      mapData.status = 'unavailable';
    }
  })());
}

/** For the prerenderer and tests: the boundaries are known before rendering. */
export async function provideMapTopology(topo: Topology): Promise<void> {
  const { mapGeometry } = await import('./geometry.ts');
  mapData.geo = mapGeometry(topo);
  mapData.status = 'ready';
}
