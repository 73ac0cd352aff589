import { getContext, setContext } from 'svelte';
import type { ScaleBand, ScaleLinear, ScalePoint } from 'd3';

/** A categorical x scale: points (lines over years or months) or bands (columns). */
export type XScale = ScalePoint<string> | ScaleBand<string>;

/**
 * Scales owned by a chart root and shared with its layers (LayerCake style); layers only draw. The
 * root computes them once per change of data or size ($derived) and hands out getters.
 */
export interface Scales<X extends XScale = XScale> {
  readonly x: X;
  readonly y: ScaleLinear<number, number>;
  /** plot area size in px */
  readonly width: number;
  readonly height: number;
  /** unit label above the y axis; empty for none */
  readonly unit: string;
}

/** The middle of a category: the point itself, or the centre of its band; undefined when not in the domain. */
export function xCenter(x: XScale, value: string): number | undefined {
  const p = x(value);
  return p === undefined ? undefined : p + x.bandwidth() / 2;
}

const KEY = Symbol('chart-scales');
export const setScales = <X extends XScale>(s: Scales<X>) => setContext(KEY, s);
export const getScales = <X extends XScale = XScale>() => getContext<Scales<X>>(KEY);
