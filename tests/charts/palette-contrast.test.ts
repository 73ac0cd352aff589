import { describe, expect, it } from 'vitest';
import {
  AXIS,
  BAR_FILL,
  MAP_FILL,
  MAP_HALO,
  MAP_HIGHLIGHT,
  MAP_KOMMUN_BORDER,
  MAP_LAN_BORDER,
  MAP_MISSING_HATCH,
  MAP_OUTLINE,
  MUTED_TEXT,
  ROLE_STYLE,
  TARGET_STROKE,
  TEXT,
} from '../../src/charts/palette.ts';

/** WCAG 2.1 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('chart palette contrast on white (WCAG 2.1 1.4.3 / 1.4.11)', () => {
  it('computes known ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('every line role, bar fill, target rule and axis is at least 3:1', () => {
    const marks = {
      ...Object.fromEntries(Object.entries(ROLE_STYLE).map(([k, v]) => [k, v.stroke])),
      ...Object.fromEntries(Object.entries(BAR_FILL).map(([k, v]) => [`bar-${k}`, v])),
      target: TARGET_STROKE,
      axis: AXIS,
    };
    const low = Object.entries(marks)
      .filter(([, c]) => contrast(c, '#ffffff') < 3)
      .map(([k, c]) => `${k} ${c} ${contrast(c, '#ffffff').toFixed(2)}`);
    expect(low).toEqual([]);
  });

  it('chart text is at least 4.5:1', () => {
    for (const c of [TEXT, MUTED_TEXT]) expect(contrast(c, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});

describe('map classes (WCAG 2.1 1.4.11, colour-blind-safe classes)', () => {
  const WHITE = '#ffffff';
  // Ordinal neighbours: with a direction best–middle–worst, without one low–middle–high.
  const sequences = [
    ['best', 'middle', 'worst'],
    ['neutral-low', 'neutral-middle', 'neutral-high'],
  ] as const;

  it('neighbouring classes are at least 3:1 apart, so they also separate in greyscale', () => {
    for (const seq of sequences) {
      for (let i = 1; i < seq.length; i++)
        expect(contrast(MAP_FILL[seq[i - 1]], MAP_FILL[seq[i]]), `${seq[i - 1]}/${seq[i]}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('the two outer classes of a direction differ at least 3:1 too (best and worst can share a border)', () => {
    expect(contrast(MAP_FILL.best, MAP_FILL.worst)).toBeGreaterThanOrEqual(3);
    expect(contrast(MAP_FILL['neutral-low'], MAP_FILL['neutral-high'])).toBeGreaterThanOrEqual(3);
  });

  it('each class is 3:1 against the background, or the outline carries it', () => {
    expect(contrast(MAP_OUTLINE, WHITE)).toBeGreaterThanOrEqual(3);
    const light = Object.entries(MAP_FILL)
      .filter(([, c]) => contrast(c, WHITE) < 3)
      .map(([k]) => k);
    // the light ones are exactly those that rely on the outline (middle, low and missing)
    expect(light.sort()).toEqual(['middle', 'missing', 'neutral-low'].sort());
  });

  it('dark classes meet at a white border that is 3:1 against each of them', () => {
    const dark = Object.entries(MAP_FILL).filter(([, c]) => contrast(c, WHITE) >= 3);
    expect(dark.length).toBeGreaterThanOrEqual(4);
    for (const [k, c] of dark) expect(contrast(c, MAP_KOMMUN_BORDER), k).toBeGreaterThanOrEqual(3);
  });

  it('missing values: the hatch is 3:1 against the white pattern ground and every light class', () => {
    expect(MAP_FILL.missing).toBe(WHITE);
    for (const cls of ['middle', 'neutral-low'] as const) expect(contrast(MAP_MISSING_HATCH, MAP_FILL[cls]), cls).toBeGreaterThanOrEqual(3);
    expect(contrast(MAP_MISSING_HATCH, WHITE)).toBeGreaterThanOrEqual(3);
  });

  it('län borders and highlight outlines are visible: dark line 3:1 on light classes, white halo 3:1 on dark ones', () => {
    for (const [k, c] of Object.entries(MAP_FILL)) {
      const onFill = Math.max(contrast(MAP_HIGHLIGHT, c), contrast(MAP_HALO, c));
      expect(onFill, k).toBeGreaterThanOrEqual(3);
    }
    expect(contrast(MAP_LAN_BORDER, WHITE)).toBeGreaterThanOrEqual(3);
    for (const cls of ['middle', 'neutral-low'] as const) expect(contrast(MAP_LAN_BORDER, MAP_FILL[cls])).toBeGreaterThanOrEqual(3);
  });
});
