import { getContext, setContext } from 'svelte';
import type { ScaleLinear, ScalePoint } from 'd3';

/** Scales owned by a chart root and shared with its layers (LayerCake style); layers only draw. */
export interface Scales {
  readonly x: ScalePoint<string>;
  readonly y: ScaleLinear<number, number>;
  readonly width: number;
  readonly height: number;
  readonly unit: string;
  /** decimals for value labels; undefined = decimalsFor(unit) */
  readonly decimals?: number;
}

const KEY = Symbol('chart-scales');
export const setScales = (s: Scales) => setContext(KEY, s);
export const getScales = () => getContext<Scales>(KEY);
