import type { Kpi } from '../../data/contract.ts';
import { kommuner, kpiById, type SiteMeta } from '../../data/site-meta.ts';
import type { ViewState } from '../../state/view-state.ts';
import { PANELS } from '../../panels/panels.config.ts';
import { kpiPeriods } from '../../data/own-entry.ts';
import { fold } from '../../format/fold.ts';

export const DEFAULT_RANK_KPI = 'U31462';

/**
 * The ranking page's KPI, period, gender and kommun from the view, each falling back to a valid default;
 * `unknownKpi` is the KPI id asked for when it has no values here (the page says so).
 */
export function rankingChoices(
  meta: SiteMeta,
  view: ViewState,
): {
  kpi: Kpi | null;
  unknownKpi: string | null;
  period: string | null;
  periods: string[];
  gender: ViewState['gender'];
  kommunId: string | null;
} {
  const has = (k: Kpi) => kpiPeriods(meta.periods, k.id).length > 0;
  const byId = (id: string | null) => (id ? meta.kpis.find((k) => k.id === id && has(k)) : undefined);
  const asked = byId(view.kpi);
  const kpi = asked ?? byId(DEFAULT_RANK_KPI) ?? meta.kpis.find(has) ?? null;
  const unknownKpi = view.kpi && !asked ? view.kpi : null;
  const periods = kpi ? [...kpiPeriods(meta.periods, kpi.id)].sort().reverse() : [];
  const period = view.year && periods.includes(view.year) ? view.year : (periods[0] ?? null);
  const gender = kpi?.is_divided_by_gender ? view.gender : 'T';
  const kommunId = view.kommun && kommuner(meta).some((m) => m.id === view.kommun) ? view.kommun : null;
  return { kpi, unknownKpi, period, periods, gender, kommunId };
}

/** KPIs for the picker: the dashboard's own first, then every other KPI in the data by id. */
export function kpiOptions(meta: SiteMeta): { label: string; kpis: Kpi[] }[] {
  const has = (k: Kpi) => kpiPeriods(meta.periods, k.id).length > 0;
  const own = [...new Set(PANELS.flatMap((p) => p.kpis))].map((id) => kpiById(meta, id)).filter((k): k is Kpi => k !== undefined && has(k));
  const ownIds = new Set(own.map((k) => k.id));
  const rest = meta.kpis.filter((k) => has(k) && !ownIds.has(k.id)).sort((a, b) => a.id.localeCompare(b.id));
  return [
    { label: 'Dashboardens nyckeltal', kpis: own },
    { label: 'Övriga nyckeltal', kpis: rest },
  ].filter((g) => g.kpis.length);
}

/** The picker's groups narrowed to KPIs whose id or title contains every word of the query (case and accents ignored); the chosen KPI always stays. */
export function filterKpiOptions(
  groups: { label: string; kpis: Kpi[] }[],
  query: string,
  keepId: string | null,
): { label: string; kpis: Kpi[] }[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return groups;
  const hit = (k: Kpi) => k.id === keepId || words.every((w) => fold(`${k.id} ${k.title}`).includes(w));
  return groups.map((g) => ({ label: g.label, kpis: g.kpis.filter(hit) })).filter((g) => g.kpis.length);
}

export type RankingChoice = ReturnType<typeof rankingChoices>;
