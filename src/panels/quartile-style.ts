import type { QuartileClass } from './quartiles.ts';

/**
 * Fill and pattern of each quartile class. Kolada's green/yellow/red for KPIs with a direction, shades
 * of blue for KPIs without one (position, not quality); every fill ≥ 3:1 against white
 * (tests/panels/quartile-style.test.ts). Colour is never alone: each class has its own pattern and is
 * always written out in words beside it.
 */
export const QUARTILE_FILL: Record<QuartileClass, string> = {
  best: '#1b7837',
  middle: '#8a6a00',
  worst: '#b2182b',
  'neutral-high': '#08306b',
  'neutral-middle': '#2f6aa6',
  'neutral-low': '#5c7f9e',
  missing: '#8c8c8c',
};

export type QuartilePattern = 'solid' | 'hatch' | 'dots' | 'cross' | 'none';

export const QUARTILE_PATTERN: Record<QuartileClass, QuartilePattern> = {
  best: 'solid',
  middle: 'hatch',
  worst: 'dots',
  'neutral-high': 'solid',
  'neutral-middle': 'hatch',
  'neutral-low': 'dots',
  missing: 'cross',
};

/** The order classes are listed in a legend. */
export const QUARTILE_ORDER_DIRECTED: QuartileClass[] = ['best', 'middle', 'worst', 'missing'];
export const QUARTILE_ORDER_NEUTRAL: QuartileClass[] = ['neutral-high', 'neutral-middle', 'neutral-low', 'missing'];
