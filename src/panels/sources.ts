import type { Kpi, Manifest } from '../data/contract.ts';

export const SAMPLE_NOTE = 'Exempeldata – inte officiell statistik';
export const OWN_PROCESSING = 'Egen bearbetning av data från Kolada';

/** Source line for values shown unchanged: "Källa: Kolada (RKA), U31462, hämtad 2024-08-30". */
export function rawSourceLine(kpi: Pick<Kpi, 'id' | 'source'>, manifest: Manifest): string {
  if (manifest.sample) return `${SAMPLE_NOTE} (${kpi.id})`;
  const src = kpi.source || manifest.source || 'okänd källa';
  return `Källa: ${src}, ${kpi.id}${manifest.retrieved ? `, hämtad ${manifest.retrieved}` : ''}`;
}

/** Lines for a chart mixing raw values with our own computations (means, ranks). */
export function chartSources(kpi: Pick<Kpi, 'id' | 'source'>, manifest: Manifest, computed: boolean): string[] {
  // Imported series ("egna data, <fil>, inläst <datum>"): never Kolada's name or retrieval date.
  if (kpi.source.toLowerCase().startsWith('egna data')) {
    return [
      `Källa: ${kpi.source} (${kpi.id})`,
      ...(computed ? ['Gruppvärden och placeringar: egen bearbetning av egna data och jämförelsedata'] : []),
    ];
  }
  const lines = [rawSourceLine(kpi, manifest)];
  if (computed)
    lines.push(
      manifest.sample
        ? 'Gruppvärden och placeringar: egen bearbetning av exempeldata'
        : `${OWN_PROCESSING} (gruppmedel, median, spridning, placeringar)`,
    );
  return lines;
}
