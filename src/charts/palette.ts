/**
 * Colour-blind-safe roles (Okabe–Ito based), each ≥ 3:1 against white; every role also has its own
 * line style and marker so the chart reads in greyscale, and series are labelled directly.
 */
import type { MapClass, SeriesRole } from './spec.ts';

export interface RoleStyle {
  stroke: string;
  width: number;
  dash: string | null;
  marker: 'circle' | 'square' | 'diamond' | 'triangle' | 'none';
}

export const ROLE_STYLE: Record<SeriesRole, RoleStyle> = {
  focus: { stroke: '#0b5394', width: 3, dash: null, marker: 'circle' },
  group: { stroke: '#b34700', width: 2.5, dash: '7 4', marker: 'square' },
  median: { stroke: '#7a5200', width: 1.5, dash: '2 3', marker: 'none' },
  riket: { stroke: '#333333', width: 2, dash: '2 4', marker: 'diamond' },
  all: { stroke: '#6a3d9a', width: 2, dash: '10 3 2 3', marker: 'triangle' },
  other: { stroke: '#00734d', width: 2, dash: '4 2', marker: 'triangle' },
  previous: { stroke: '#767676', width: 2, dash: '5 4', marker: 'square' },
};

export const BAND_FILL = '#f4c9a8';
export const BAND_OPACITY = 0.55;
/** The band's outline carries its contrast (the light fill alone is below 3:1 against white). */
export const BAND_STROKE = '#b34700';
export const TARGET_STROKE = '#8a1c1c';
export const AXIS = '#595959';
export const GRID = '#e3e3e3';
export const TEXT = '#1a1a1a';
export const MUTED_TEXT = '#555555';

export const BAR_FILL: Record<'focus' | 'peer' | 'other', string> = { focus: '#0b5394', peer: '#b34700', other: '#8c8c8c' };

/**
 * Categories of stacked bars: every fill ≥ 3:1 against white and its label colour ≥ 4.5:1 on the
 * fill; neighbours alternate dark/light so they separate in greyscale, and each segment is labelled.
 */
export const CATEGORY_FILLS = ['#0b5394', '#3f8fc9', '#b34700', '#8c8c8c', '#6a3d9a', '#3d9970'];
export const CATEGORY_TEXT = ['#ffffff', '#1a1a1a', '#ffffff', '#1a1a1a', '#ffffff', '#1a1a1a'];

export const FONT_FAMILY = "'Source Sans 3', 'Source Sans Pro', Arial, sans-serif";

/**
 * Map classes. With a direction: dark blue (best) – light sand (middle) – orange (worst); without one,
 * a light-to-dark violet sequence. Neighbouring classes are ≥ 3:1 apart, so the classes also read
 * in greyscale; light classes get their contrast against the background from the outline. Missing
 * values are white with a grey hatch (MAP_MISSING_HATCH). Tested in tests/charts/palette-contrast.test.ts.
 */
export const MAP_FILL: Record<MapClass, string> = {
  best: '#082f6a',
  middle: '#f1e6bf',
  worst: '#d0631e',
  'neutral-low': '#edf1f8',
  'neutral-middle': '#8a7cb8',
  'neutral-high': '#2b1d5c',
  missing: '#ffffff',
};
export const MAP_MISSING_HATCH = '#6b6b6b';
/** Between kommuner: separates neighbouring dark classes (white is ≥ 3:1 against every dark class). */
export const MAP_KOMMUN_BORDER = '#ffffff';
export const MAP_LAN_BORDER = '#333333';
/** The country's outline carries the light classes' contrast against the background. */
export const MAP_OUTLINE = '#595959';
/** Outlines of the selected kommun, its group and the kommun under the pointer or keyboard: dark over a white halo. */
export const MAP_HIGHLIGHT = '#000000';
export const MAP_HALO = '#ffffff';
