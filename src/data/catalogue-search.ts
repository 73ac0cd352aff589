import MiniSearch from 'minisearch';
import type { CatalogueEntry } from './kpi-catalogue.ts';
import { fold } from '../format/fold.ts';

const KPI_ID = /^[A-Za-z]\d{4,6}$/;

export interface CatalogueSearch {
  readonly size: number;
  /** Every match, best first (an exact id first); never cut off: the caller pages. */
  search(query: string, area?: string | null): CatalogueEntry[];
  byId(id: string): CatalogueEntry | undefined;
  /** Kolada's operating areas with their number of KPIs, largest first; '' (no area) last. */
  areas(): { area: string; count: number }[];
}

/**
 * Full-text search over the KPI catalogue (id, title words, description words), every word must match
 * somewhere; the last word also matches as a prefix, so results follow the typing.
 */
export function createCatalogueSearch(entries: readonly CatalogueEntry[]): CatalogueSearch {
  const byId = new Map(entries.map((e) => [e.id.toUpperCase(), e]));
  const index = new MiniSearch<CatalogueEntry>({
    idField: 'id',
    fields: ['id', 'title', 'description'],
    processTerm: (t) => fold(t) || null,
    searchOptions: { boost: { id: 8, title: 3 }, combineWith: 'AND' },
  });
  index.addAll(entries as CatalogueEntry[]);
  const inArea = (e: CatalogueEntry, area: string | null | undefined) => !area || e.area === area;

  return {
    size: entries.length,
    byId: (id) => byId.get(id.trim().toUpperCase()),
    search(query, area) {
      const q = query.trim();
      if (!q) return area ? entries.filter((e) => inArea(e, area)).sort((a, b) => Number(b.has_data) - Number(a.has_data) || a.title.localeCompare(b.title, 'sv')) : [];
      const words = q.split(/\s+/);
      const hits = index.search(q, { prefix: (term, i) => i === words.length - 1 && term.length >= 2 });
      const out: CatalogueEntry[] = [];
      const exact = KPI_ID.test(q) ? byId.get(q.toUpperCase()) : undefined;
      if (exact && inArea(exact, area)) out.push(exact);
      for (const h of hits) {
        const e = byId.get(String(h.id).toUpperCase());
        if (e && e !== exact && inArea(e, area)) out.push(e);
      }
      return out;
    },
    areas() {
      const counts = new Map<string, number>();
      for (const e of entries) counts.set(e.area, (counts.get(e.area) ?? 0) + 1);
      return [...counts].map(([area, count]) => ({ area, count })).sort((a, b) => Number(a.area === '') - Number(b.area === '') || b.count - a.count || a.area.localeCompare(b.area, 'sv'));
    },
  };
}
