import type { GroupKind, Kpi, Manifest, Municipality, Target } from './contract.ts';

/** A peer group as the site knows it: one edition of one group. */
export interface GroupDef {
  id: string;
  title: string;
  kind: GroupKind;
  edition: number | null;
  owner: string | null;
  members: string[];
}

/** Everything about the data set except the values; small enough to ship with every page. */
export interface SiteMeta {
  manifest: Manifest;
  kpis: Kpi[];
  municipalities: Municipality[];
  groups: GroupDef[];
  targets: Target[];
  /** periods with at least one value, per KPI, sorted */
  periods: Record<string, string[]>;
}

export function kommuner(meta: SiteMeta): Municipality[] {
  return meta.municipalities.filter((m) => m.type === 'K' && !m.id.startsWith('00'));
}

/** The KPIs that break down `parentId` (age groups, exit reasons …), in id order. */
export function childKpis(meta: SiteMeta, parentId: string): SiteMeta['kpis'] {
  return meta.kpis.filter((k) => k.parent === parentId).sort((a, b) => a.id.localeCompare(b.id));
}
