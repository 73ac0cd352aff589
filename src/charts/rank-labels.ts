import type { ScaleBand } from 'd3';
import type { BarDatum } from './spec.ts';
import { textWidth } from './figure-layout.ts';
import { formatValue } from '../format/number.ts';

export interface PlacedLabel {
  b: BarDatum;
  text: string;
  cx: number;
  left: number;
  right: number;
  row: number;
}

/**
 * Named bars (the kommun and its peers): each name goes on the first row below the axis where it
 * overlaps no other name and its leader line crosses no name above it.
 */
export function placeBarLabels(bars: BarDatum[], x: ScaleBand<string>, plotWidth: number, unit: string, fontSize: number): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  for (const b of bars.filter((b) => b.role !== 'other')) {
    const text = b.role === 'focus' ? `${b.label} ${formatValue(b.value, unit)}` : b.label;
    const w = textWidth(text, fontSize) + (b.role === 'focus' ? 10 : 6);
    const cx = (x(b.id) ?? 0) + x.bandwidth() / 2;
    const left = Math.min(Math.max(0, cx - w / 2), Math.max(0, plotWidth - w));
    const right = left + w;
    const apart = (p: PlacedLabel) => right + 6 <= p.left || left >= p.right + 6;
    const clear = (p: PlacedLabel, row: number) =>
      p.row < row ? cx < p.left - 2 || cx > p.right + 2 : p.cx < left - 2 || p.cx > right + 2;
    const fits = (row: number, leaders: boolean) => placed.every((p) => (p.row === row ? apart(p) : !leaders || clear(p, row)));
    const rows = placed.length + 1;
    let row = [...Array(rows).keys()].find((r) => fits(r, true)) ?? -1;
    if (row < 0) row = [...Array(rows).keys()].find((r) => fits(r, false)) ?? rows;
    placed.push({ b, text, cx, left, right, row });
  }
  return placed;
}
