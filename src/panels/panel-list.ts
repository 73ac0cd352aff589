import type { SiteMeta } from '../data/site-meta.ts';
import { EXTRA_PANEL, PANELS, type PanelConfig } from './panels.config.ts';

/**
 * The panels a kommun page (and its report) shows: every configured panel with the KPI it shows, if
 * any of its KPIs has values here, then one panel per KPI added through the search.
 */
export function visiblePanels(
  meta: SiteMeta,
  view: { panelKpi: Record<string, string>; extra: string[] },
): { panel: PanelConfig; kpi: string }[] {
  const has = new Set(meta.kpis.map((k) => k.id));
  const chosen = (id: string) => (Object.hasOwn(view.panelKpi, id) ? view.panelKpi[id] : undefined);
  return [...PANELS, ...view.extra.filter((k) => has.has(k)).map((k): PanelConfig => ({ ...EXTRA_PANEL, id: `extra-${k}`, kpis: [k] }))]
    .map((panel) => ({ panel, kpi: [chosen(panel.id), ...panel.kpis].find((k) => k && panel.kpis.includes(k) && has.has(k)) }))
    .filter((x): x is { panel: PanelConfig; kpi: string } => x.kpi !== undefined);
}

/** KPIs added through the search that have no values here (the page says so instead of dropping them). */
export function missingExtras(meta: SiteMeta, extra: readonly string[]): string[] {
  const has = new Set(meta.kpis.map((k) => k.id));
  return extra.filter((k) => !has.has(k));
}
