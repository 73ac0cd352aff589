import type { Kpi, Manifest } from '../data/contract.ts';
import { rawSourceLine } from './sources.ts';

export { OWN_DATA_SOURCE, OWN_DATA_PROCESSING, ownDataSource, isOwnData } from '../import/own-source.ts';
import { isOwnData, ownDataSource } from '../import/own-source.ts';

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

/**
 * Lines for imported values inside a Kolada KPI's panel (a set that adds years or kommuner the site's
 * data lacks): "Källa för 2023–2024: egna data, fil.csv, inläst 2026-11-30 (U31462)". The Kolada line
 * stays for the rest; imported values are never credited to Kolada.
 */
export function importedSourceLines(
  kpiId: string,
  imported: readonly { setId: string; periods: readonly string[] }[],
  sets: readonly { id: string; fileName: string; importedAt: string }[],
): string[] {
  return imported.flatMap(({ setId, periods }) => {
    const set = sets.find((s) => s.id === setId);
    if (!set || !periods.length) return [];
    const span = periods.length === 1 ? periods[0] : `${periods[0]}–${periods.at(-1)}`;
    return [`Källa för ${span}: ${ownDataSource(set.fileName, set.importedAt)} (${kpiId})`];
  });
}
