import { describe, expect, it } from 'vitest';
import { QUARTILE_FILL, QUARTILE_PATTERN, QUARTILE_ORDER_DIRECTED, QUARTILE_ORDER_NEUTRAL } from '../../src/panels/quartile-style.ts';
import { QUARTILE_LABEL } from '../../src/panels/quartiles.ts';

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

describe('quartile colours and patterns', () => {
  it('every quartile fill is at least 3:1 against white (WCAG 1.4.11)', () => {
    const low = Object.entries(QUARTILE_FILL)
      .filter(([, c]) => contrast(c, '#ffffff') < 3)
      .map(([k, c]) => `${k} ${c} ${contrast(c, '#ffffff').toFixed(2)}`);
    expect(low).toEqual([]);
  });
  it('classes shown together differ in pattern as well as colour, and each has a written name', () => {
    for (const order of [QUARTILE_ORDER_DIRECTED, QUARTILE_ORDER_NEUTRAL]) {
      expect(new Set(order.map((q) => QUARTILE_PATTERN[q])).size).toBe(order.length);
      expect(new Set(order.map((q) => QUARTILE_FILL[q])).size).toBe(order.length);
      for (const q of order) expect(QUARTILE_LABEL[q].length).toBeGreaterThan(3);
    }
  });
  it('neutral names never say best or worst', () => {
    for (const q of QUARTILE_ORDER_NEUTRAL) expect(QUARTILE_LABEL[q]).not.toMatch(/bäst|sämst/);
  });
});
