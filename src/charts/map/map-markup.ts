import type { MapChartSpec } from '../spec.ts';
import type { ProjectedMap } from './geometry.ts';
import { MAP_FILL, MAP_HALO, MAP_HIGHLIGHT, MAP_KOMMUN_BORDER, MAP_LAN_BORDER, MAP_OUTLINE } from '../palette.ts';

/** Line widths of the map (px at screen scale). */
export const MAP_STROKE = { kommun: 0.6, lan: 1, outline: 0.9, peer: 1.4, focus: 2.4, active: 3 };

const attr = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A dark outline over a white halo, visible on every class. */
export function outlinePaths(d: string, width: number): string {
  return `<path d="${d}" fill="none" stroke="${MAP_HALO}" stroke-width="${width + 2}" stroke-linejoin="round"/><path d="${d}" fill="none" stroke="${MAP_HIGHLIGHT}" stroke-width="${width}" stroke-linejoin="round"/>`;
}

/**
 * The map's static layers as SVG markup: kommun fills (missing values hatched), län borders, the
 * outline, then the peer group's and the selected kommun's outlines. Markup rather than components,
 * so the prerendered map survives hydration untouched until the boundaries have loaded.
 */
export function mapMarkup(spec: MapChartSpec, map: ProjectedMap, missingFill: string): string {
  const areas = new Map(spec.areas.map((a) => [a.id, a]));
  const fills: string[] = [];
  for (const [id, d] of map.paths) {
    const cls = areas.get(id)?.cls ?? 'missing';
    fills.push(`<path d="${d}" fill="${cls === 'missing' ? missingFill : MAP_FILL[cls]}" data-id="${attr(id)}" data-cls="${cls}"/>`);
  }
  const peers = spec.areas.filter((a) => a.role === 'peer' && map.paths.has(a.id)).map((a) => map.paths.get(a.id)!);
  const focus = spec.areas.find((a) => a.role === 'focus' && map.paths.has(a.id));
  return [
    `<g class="map-kommuner" stroke="${MAP_KOMMUN_BORDER}" stroke-width="${MAP_STROKE.kommun}" stroke-linejoin="round" fill-rule="evenodd">${fills.join('')}</g>`,
    `<path class="map-lan" d="${map.lanBorders}" fill="none" stroke="${MAP_LAN_BORDER}" stroke-width="${MAP_STROKE.lan}" stroke-linejoin="round"/>`,
    `<path class="map-outline" d="${map.outline}" fill="none" stroke="${MAP_OUTLINE}" stroke-width="${MAP_STROKE.outline}" stroke-linejoin="round"/>`,
    peers.length ? `<g class="map-peers" pointer-events="none">${outlinePaths(peers.join(''), MAP_STROKE.peer)}</g>` : '',
    focus ? `<g class="map-focus" pointer-events="none">${outlinePaths(map.paths.get(focus.id)!, MAP_STROKE.focus)}</g>` : '',
  ].join('');
}
