import { getContext, setContext } from 'svelte';
import type { ChartSpec } from '../charts/spec.ts';

/**
 * The charts currently shown on a page, so one button can export them all. Every ExportMenu
 * registers its spec while mounted; a page that offers batch export provides the collector.
 */
export class SpecCollector {
  #specs = $state<Record<string, ChartSpec>>({});
  get specs(): ChartSpec[] {
    return Object.values(this.#specs);
  }
  set(spec: ChartSpec): void {
    this.#specs[spec.id] = spec;
  }
  delete(id: string): void {
    delete this.#specs[id];
  }
}

const KEY = Symbol('spec-collector');
export const provideSpecCollector = (c = new SpecCollector()) => setContext(KEY, c);
export const getSpecCollector = () => getContext<SpecCollector | undefined>(KEY);
