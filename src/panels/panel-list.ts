import type { SiteMeta } from '../data/site-meta.ts';
import { EXTRA_PANEL, PANELS, type PanelConfig } from './panels.config.ts';

/**
 * The panels a kommun page (and its report) shows: every configured panel with the KPI it shows, if
 * any of its KPIs has values here, then one panel per KPI added through the search.
 */
export type VisiblePanel = { panel: PanelConfig; kpi: string };

const idSets = new WeakMap<SiteMeta['kpis'], ReadonlySet<string>>();

/** The ids of the KPIs with values here, once per KPI list (replaced, never changed in place, when imports add KPIs): every view change asks. */
function kpiIds(meta: SiteMeta): ReadonlySet<string> {
  let ids = idSets.get(meta.kpis);
  if (!ids) idSets.set(meta.kpis, (ids = new Set(meta.kpis.map((k) => k.id))));
  return ids;
}

export function visiblePanels(meta: SiteMeta, view: { panelKpi: Record<string, string>; extra: string[] }): VisiblePanel[] {
  const has = kpiIds(meta);
  const chosen = (id: string) => (Object.hasOwn(view.panelKpi, id) ? view.panelKpi[id] : undefined);
  return [...PANELS, ...view.extra.filter((k) => has.has(k)).map((k): PanelConfig => ({ ...EXTRA_PANEL, id: `extra-${k}`, kpis: [k] }))]
    .map((panel) => ({ panel, kpi: [chosen(panel.id), ...panel.kpis].find((k) => k && panel.kpis.includes(k) && has.has(k)) }))
    .filter((x): x is VisiblePanel => x.kpi !== undefined);
}

/** The KPIs of a kommun page's panels in the default view: what its build-time answers are about. */
export const defaultPanelKpis = (meta: SiteMeta): string[] => visiblePanels(meta, { panelKpi: {}, extra: [] }).map((p) => p.kpi);

/**
 * Keeps each panel's entry the same object while its panel and KPI stay the same, so a page's
 * `{#each}` leaves those panels alone: a year or gender change, or another panel's KPI choice, then
 * rebuilds no peer group, chart or table of a panel it does not touch.
 */
export function stablePanelList(): (list: VisiblePanel[]) => VisiblePanel[] {
  let kept = new Map<string, VisiblePanel>();
  let last: VisiblePanel[] = [];
  return (list) => {
    const next = new Map<string, VisiblePanel>();
    const out = list.map((entry) => {
      const key = `${entry.panel.id}\u0000${entry.kpi}`;
      const same = kept.get(key) ?? entry;
      next.set(key, same);
      return same;
    });
    kept = next;
    // the same list too, so what is derived from the whole list is not recomputed either
    if (out.length !== last.length || out.some((e, i) => e !== last[i])) last = out;
    return last;
  };
}

/** The KPIs a panel's select offers: its configured KPIs that have values here. */
export function panelChoices(meta: SiteMeta, panel: PanelConfig): string[] {
  const has = kpiIds(meta);
  return panel.kpis.filter((id) => has.has(id));
}

/** KPIs added through the search that have no values here (the page says so instead of dropping them). */
export function missingExtras(meta: SiteMeta, extra: readonly string[]): string[] {
  const has = kpiIds(meta);
  return extra.filter((k) => !has.has(k));
}
