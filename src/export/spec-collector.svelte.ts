import { getContext, setContext } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import type { ChartSpec } from '../charts/spec.ts';

/**
 * The charts currently shown on a page, so one button can export them all. Every ExportMenu
 * registers its spec while mounted; a page that offers batch export provides the collector.
 */
export class SpecCollector {
  // Chart ids contain KPI ids from data, so a Map ("constructor", "__proto__" are ordinary keys).
  #specs = new SvelteMap<string, ChartSpec>();
  get specs(): ChartSpec[] {
    return [...this.#specs.values()];
  }
  set(spec: ChartSpec): void {
    this.#specs.set(spec.id, spec);
  }
  delete(id: string): void {
    this.#specs.delete(id);
  }
}

const KEY = Symbol('spec-collector');
export const provideSpecCollector = (c = new SpecCollector()) => setContext(KEY, c);
export const getSpecCollector = () => getContext<SpecCollector | undefined>(KEY);
