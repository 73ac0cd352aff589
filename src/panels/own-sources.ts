import type { Kpi, Manifest } from '../data/contract.ts';
import { rawSourceLine } from './sources.ts';

/** Start of `Kpi.source` for series the user imported on the "Egna data" page. */
export const OWN_DATA_SOURCE = 'egna data';
/** Our computations over imported series (shares, means): never credited to Kolada. */
export const OWN_DATA_PROCESSING = 'egen bearbetning av egna data';

/** `Kpi.source` of an imported series: "egna data, sjukfranvaro.csv, inläst 2026-11-30". */
export function ownDataSource(fileName: string, importedAt: string): string {
  return `${OWN_DATA_SOURCE}, ${fileName}, inläst ${importedAt.slice(0, 10)}`;
}

export function isOwnData(kpi: Pick<Kpi, 'source'>): boolean {
  return kpi.source.toLowerCase().startsWith(OWN_DATA_SOURCE);
}

/** Like rawSourceLine, but an imported series names its file and import date, never Kolada or its date. */
export function valueSourceLine(kpi: Pick<Kpi, 'id' | 'source'>, manifest: Manifest): string {
  return isOwnData(kpi) ? `Källa: ${kpi.source} (${kpi.id})` : rawSourceLine(kpi, manifest);
}

/** One source line per source for several KPIs shown together: "Källa: Kolada (RKA), X40001, X40002, hämtad …". */
export function valueSourceLines(kpis: Pick<Kpi, 'id' | 'source'>[], manifest: Manifest): string[] {
  const bySource = new Map<string, string[]>();
  for (const k of kpis) {
    const key = isOwnData(k) ? k.source : manifest.sample ? '' : k.source || manifest.source;
    bySource.set(key, [...(bySource.get(key) ?? []), k.id]);
  }
  return [...bySource.values()].map((ids) => {
    const first = kpis.find((k) => k.id === ids[0])!;
    return valueSourceLine({ id: ids.join(', '), source: first.source }, manifest);
  });
}
