import { getContext, setContext } from 'svelte';

/**
 * Whether every panel of the report has its data, so printing is offered only then (a printed
 * "Hämtar värden …" would be a page without figures). Panels register while mounted.
 */
export class ReportReadiness {
  #settled = $state<Record<string, boolean>>({});
  set(id: string, settled: boolean): void {
    this.#settled[id] = settled;
  }
  delete(id: string): void {
    delete this.#settled[id];
  }
  get pending(): number {
    return Object.values(this.#settled).filter((s) => !s).length;
  }
  get registered(): number {
    return Object.keys(this.#settled).length;
  }
}

const KEY = Symbol('report-readiness');
export const provideReportReadiness = (r = new ReportReadiness()) => setContext(KEY, r);
export const getReportReadiness = () => getContext<ReportReadiness | undefined>(KEY);

/** Registers a panel with the report's readiness while it is mounted; does nothing outside a report. */
export function trackReadiness(id: () => string, settled: () => boolean): void {
  const readiness = getReportReadiness();
  if (!readiness) return;
  $effect(() => {
    const key = id();
    readiness.set(key, settled());
    return () => readiness.delete(key);
  });
}
