/**
 * A known KPI by id (case-insensitive): its official title, unit and direction for an imported
 * Kolada id. Reads the site's KPI list for now; the single place to point at the KPI catalogue.
 */
import type { Kpi } from '../data/contract.ts';

export function lookupKpi(meta: { kpis: readonly Kpi[] }, id: string): Kpi | undefined {
  const want = String(id).trim().toUpperCase();
  return meta.kpis.find((k) => k.id.toUpperCase() === want && !k.source.toLowerCase().startsWith('egna data'));
}
