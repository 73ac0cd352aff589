/**
 * Colour-blind-safe roles (Okabe–Ito based), each ≥ 3:1 against white; every role also has its own
 * line style and marker so the chart reads in greyscale, and series are labelled directly.
 */
import type { SeriesRole } from './spec.ts';

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
export const TARGET_STROKE = '#8a1c1c';
export const AXIS = '#595959';
export const GRID = '#e3e3e3';
export const TEXT = '#1a1a1a';
export const MUTED_TEXT = '#555555';

export const BAR_FILL: Record<'focus' | 'peer' | 'other', string> = { focus: '#0b5394', peer: '#b34700', other: '#8a8a8a' };

/** Categories of stacked bars: distinguishable in greyscale by lightness, plus labels in each bar. */
export const CATEGORY_FILLS = ['#0b5394', '#56b4e9', '#b34700', '#d9d9d9', '#6a3d9a', '#00734d'];
export const CATEGORY_TEXT = ['#ffffff', '#1a1a1a', '#ffffff', '#1a1a1a', '#ffffff', '#ffffff'];

export const FONT_FAMILY = "'Source Sans 3', 'Source Sans Pro', Arial, sans-serif";
