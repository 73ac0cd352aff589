import { describe, expect, it } from 'vitest';
import { AXIS, BAR_FILL, MUTED_TEXT, ROLE_STYLE, TARGET_STROKE, TEXT } from '../../src/charts/palette.ts';

/** WCAG 2.1 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
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
    const marks = { ...Object.fromEntries(Object.entries(ROLE_STYLE).map(([k, v]) => [k, v.stroke])), ...Object.fromEntries(Object.entries(BAR_FILL).map(([k, v]) => [`bar-${k}`, v])), target: TARGET_STROKE, axis: AXIS };
    const low = Object.entries(marks).filter(([, c]) => contrast(c, '#ffffff') < 3).map(([k, c]) => `${k} ${c} ${contrast(c, '#ffffff').toFixed(2)}`);
    expect(low).toEqual([]);
  });

  it('chart text is at least 4.5:1', () => {
    for (const c of [TEXT, MUTED_TEXT]) expect(contrast(c, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});
