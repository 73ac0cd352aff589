/** How an imported series names its source: "egna data, <fil>, inläst <datum>" (never Kolada's name or date). */
import type { Kpi } from '../data/contract.ts';

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
