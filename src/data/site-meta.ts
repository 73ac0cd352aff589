import type { GroupKind, Kpi, Manifest, Municipality, Target } from './contract.ts';
import type { KpiFacts } from './kpi-catalogue.ts';
import type { FamilyId } from './liknande-families.ts';

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
  /** area and publication period per KPI in `kpis`, from the catalogue (read with `kpiFacts`) */
  facts: Record<string, KpiFacts>;
  /** the "Liknande kommuner …" families in the data, each with its editions */
  families: { family: FamilyId; editions: number[] }[];
  /** number of KPIs in the catalogue (data/catalogue.json, loaded when the user searches) */
  catalogueSize: number;
  /**
   * Served meta only: kommuner whose "Liknande kommuner …" groups are not in `groups` yet but in
   * data/groups/<id>.json (src/peers/load-groups.ts adds them when a page needs them).
   */
  lazyGroups?: string[];
}

/** The per-kommun file with a kommun's "Liknande kommuner …" groups, beside meta.json. */
export const kommunGroupsFile = (id: string) => `groups-${id}.json`;
/** every kommun's liknande groups in one file, fetched when the page holds its KPIs (load-groups.ts) */
export const ALL_KOMMUN_GROUPS_FILE = 'groups-all.json';
/** A kommun page's default view answered at build time (its prerendered snapshot), for moves to it within the app. */
export const kommunAnswersFile = (id: string) => `answers-${id}.json`;

const NO_FACTS: KpiFacts = { area: '', publ_period: '' };

/** A KPI's area and publication period ('' when the catalogue does not say). */
export function kpiFacts(meta: SiteMeta, id: string): KpiFacts {
  return meta.facts && Object.hasOwn(meta.facts, id) ? meta.facts[id] : NO_FACTS;
}

export function kommuner(meta: SiteMeta): Municipality[] {
  return meta.municipalities.filter((m) => m.type === 'K' && !m.id.startsWith('00'));
}

const kpiMaps = new WeakMap<readonly Kpi[], ReadonlyMap<string, Kpi>>();

/**
 * The KPI with this id (undefined: none; the first of equal ids). A map per KPI list, built once (the
 * lists are replaced, never changed in place, see reactive-meta): a kommun change looked KPIs up by
 * going through all 6,099 of Kolada's catalogue several times per panel.
 */
export function kpiById(meta: Pick<SiteMeta, 'kpis'>, id: string): Kpi | undefined {
  let byId = kpiMaps.get(meta.kpis);
  if (!byId) {
    const m = new Map<string, Kpi>();
    for (const k of meta.kpis) if (!m.has(k.id)) m.set(k.id, k);
    kpiMaps.set(meta.kpis, (byId = m));
  }
  return byId.get(id);
}

const nameMaps = new WeakMap<readonly Municipality[], ReadonlyMap<string, string>>();

/** Name per municipality id (kommuner, regions, Riket), for labels and tables; built once per list. */
export function municipalityNames(meta: Pick<SiteMeta, 'municipalities'>): ReadonlyMap<string, string> {
  let names = nameMaps.get(meta.municipalities);
  if (!names) nameMaps.set(meta.municipalities, (names = new Map(meta.municipalities.map((m) => [m.id, m.name]))));
  return names;
}

/** Län name per municipality id ('' where none), for the map's table. */
export function lanNames(meta: Pick<SiteMeta, 'municipalities'>): ReadonlyMap<string, string> {
  return new Map(meta.municipalities.map((m) => [m.id, m.county_name ?? '']));
}

/** The KPIs that break down `parentId` (age groups, exit reasons …), in id order. */
export function childKpis(meta: SiteMeta, parentId: string): SiteMeta['kpis'] {
  return meta.kpis.filter((k) => k.parent === parentId).sort((a, b) => a.id.localeCompare(b.id));
}
