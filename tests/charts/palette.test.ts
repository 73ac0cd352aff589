import { describe, expect, it } from 'vitest';
import {
  AXIS,
  BAND_STROKE,
  BAR_FILL,
  CATEGORY_FILLS,
  CATEGORY_TEXT,
  MUTED_TEXT,
  ROLE_STYLE,
  TARGET_STROKE,
  TEXT,
} from '../../src/charts/palette.ts';

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
const WHITE = '#ffffff';

describe('palette contrast (WCAG 2.1 1.4.11 / 1.4.3)', () => {
  it('computes contrast like WCAG', () => {
    expect(contrast('#000000', WHITE)).toBeCloseTo(21);
    expect(contrast('#767676', WHITE)).toBeCloseTo(4.54, 2);
  });

  const marks: [string, string][] = [
    ...Object.entries(ROLE_STYLE).map(([role, s]): [string, string] => [`line ${role}`, s.stroke]),
    ...Object.entries(BAR_FILL).map(([role, c]): [string, string] => [`bar ${role}`, c]),
    ...CATEGORY_FILLS.map((c, i): [string, string] => [`category ${i}`, c]),
    ['band outline', BAND_STROKE],
    ['target rule', TARGET_STROKE],
    ['axis', AXIS],
  ];
  for (const [name, colour] of marks) {
    it(`${name} ${colour} has at least 3:1 against white`, () => expect(contrast(colour, WHITE)).toBeGreaterThanOrEqual(3));
  }

  it('text is at least 4.5:1: on white, and segment labels on their category fill', () => {
    expect(contrast(TEXT, WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(MUTED_TEXT, WHITE)).toBeGreaterThanOrEqual(4.5);
    CATEGORY_FILLS.forEach((fill, i) => expect(contrast(CATEGORY_TEXT[i], fill), `category ${i}`).toBeGreaterThanOrEqual(4.5));
  });

  it('neighbouring categories differ in lightness, so stacks separate in greyscale', () => {
    for (let i = 1; i < CATEGORY_FILLS.length; i++)
      expect(contrast(CATEGORY_FILLS[i], CATEGORY_FILLS[i - 1]), `${i - 1}/${i}`).toBeGreaterThanOrEqual(1.4);
  });
});

describe('greyscale: roles differ by line style and marker, not by colour alone', () => {
  it('kommun, group mean, median, riket and all have distinct dash + marker', () => {
    const roles = ['focus', 'group', 'median', 'riket', 'all'] as const;
    const keys = roles.map((r) => `${ROLE_STYLE[r].dash ?? 'solid'}|${ROLE_STYLE[r].marker}`);
    expect(new Set(keys).size).toBe(roles.length);
    const dashes = roles.map((r) => ROLE_STYLE[r].dash ?? 'solid');
    expect(new Set(dashes).size).toBe(roles.length);
  });
  it('the kommun is the only solid line and the heaviest', () => {
    expect(ROLE_STYLE.focus.dash).toBeNull();
    for (const [role, s] of Object.entries(ROLE_STYLE))
      if (role !== 'focus') {
        expect(s.dash).not.toBeNull();
        expect(s.width).toBeLessThan(ROLE_STYLE.focus.width);
      }
  });
});
