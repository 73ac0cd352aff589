import type { Municipality } from '../data/contract.ts';
import { kommuner, kpiById, kpiFacts, type GroupDef, type SiteMeta } from '../data/site-meta.ts';
import { defaultFamily, familyKind, familyTitle, FAMILY_NAME, type FamilyId } from '../data/liknande-families.ts';

/** What the user picks; serialisable into the URL. A liknande choice without a family follows each KPI's area. */
export type PeerChoice =
  | { kind: 'liknande'; edition?: number; family?: FamilyId }
  | { kind: 'skr' }
  | { kind: 'lan' }
  | { kind: 'alla' }
  | { kind: 'egen'; members: string[] };

export const PEER_KINDS = ['liknande', 'skr', 'lan', 'alla', 'egen'] as const;
export type PeerKind = (typeof PEER_KINDS)[number];

export const PEER_KIND_LABEL: Record<PeerKind, string> = {
  liknande: 'Liknande kommuner (Kolada)',
  skr: 'SKR:s kommungrupp',
  lan: 'Länet',
  alla: 'Alla kommuner',
  egen: 'Egen grupp',
};

export const MAX_CUSTOM_MEMBERS = 30;

export interface PeerGroup {
  kind: PeerKind;
  /** legend text that names the group, e.g. "Liknande kommuner äldreomsorg (utgåva 2024)" */
  label: string;
  /** longer description with the edition/version, for captions */
  description: string;
  members: string[];
  edition: number | null;
  /** available editions of the liknande family */
  editions: number[];
  /** the liknande family, and whether it follows the KPI's area ('auto') or the user's choice */
  family?: FamilyId | null;
  familyBasis?: 'auto' | 'chosen' | null;
  /** the kommun's liknande groups are still being fetched (data/groups-<id>.json) */
  pending?: boolean;
}

/** Whether two resolved groups say the same (every field; members in order). */
export function samePeerGroup(a: PeerGroup, b: PeerGroup): boolean {
  return (
    a.kind === b.kind &&
    a.label === b.label &&
    a.description === b.description &&
    a.edition === b.edition &&
    a.family === b.family &&
    a.familyBasis === b.familyBasis &&
    a.pending === b.pending &&
    a.members.join() === b.members.join() &&
    a.editions.join() === b.editions.join()
  );
}

/** The liknande family a KPI is compared against when the user has not chosen one (no KPI: ekonomiskt bistånd, the dashboard's own). */
export function kpiFamily(meta: SiteMeta, kpiId: string | null | undefined): FamilyId {
  const present = new Set((meta.families ?? []).map((f) => f.family));
  if (!kpiId) return present.has('ekonomiskt_bistand') || present.size === 0 ? 'ekonomiskt_bistand' : [...present][0];
  const wanted = defaultFamily(kpiFacts(meta, kpiId).area, kpiById(meta, kpiId)?.title ?? '');
  if (present.has(wanted) || present.size === 0) return wanted;
  return present.has('ekonomiskt_bistand') ? 'ekonomiskt_bistand' : [...present][0];
}

/**
 * Resolves a choice to members for one kommun, and for a liknande choice without a family, for the
 * KPI shown (its area picks the family). The kommun itself is never a member.
 */
export function resolvePeerGroup(meta: SiteMeta, kommun: Municipality, choice: PeerChoice, kpiId?: string | null): PeerGroup {
  // Every input the answer reads; meta's fields are replaced, never mutated (reactive-meta.svelte.ts),
  // so the same identities give the same group. A panel keeps its answers while its group is the same
  // object: an input replaced without changing this group (other kommuners' groups arriving in
  // groups-all.json) gives the earlier object back too.
  const deps = [meta.groups, meta.lazyGroups, meta.families, meta.municipalities, meta.kpis, meta.facts, kommun];
  const key = `${kommun.id}\0${kpiId ?? ''}\0${JSON.stringify(choice)}`;
  const hit = resolved.get(key);
  if (hit && hit.deps.every((d, i) => d === deps[i])) return hit.group;
  const fresh = resolveUncached(meta, kommun, choice, kpiId);
  const group = hit && samePeerGroup(hit.group, fresh) ? hit.group : fresh;
  // the least recently resolved entry makes room (a shown panel's group is resolved on every change of it)
  resolved.delete(key);
  if (resolved.size >= MAX_RESOLVED) resolved.delete(resolved.keys().next().value!);
  resolved.set(key, { deps, group });
  return group;
}

const MAX_RESOLVED = 2000;
const resolved = new Map<string, { deps: unknown[]; group: PeerGroup }>();

/** A kommun's groups of one kind, indexed once per groups array. */
const byOwnerIndex = new WeakMap<readonly GroupDef[], Map<string, GroupDef[]>>();
function ownGroups(groups: readonly GroupDef[], owner: string, kind: string): GroupDef[] {
  let index = byOwnerIndex.get(groups);
  if (!index) {
    index = new Map();
    for (const g of groups) {
      if (g.owner === null || g.owner === undefined) continue;
      const k = `${g.owner}\0${g.kind}`;
      const list = index.get(k);
      if (list) list.push(g);
      else index.set(k, [g]);
    }
    byOwnerIndex.set(groups, index);
  }
  return index.get(`${owner}\0${kind}`) ?? [];
}

function resolveUncached(meta: SiteMeta, kommun: Municipality, choice: PeerChoice, kpiId?: string | null): PeerGroup {
  const without = (ids: string[]) => ids.filter((id) => id !== kommun.id);
  switch (choice.kind) {
    case 'liknande': {
      const chosen = choice.family && (meta.families ?? []).some((f) => f.family === choice.family) ? choice.family : null;
      const family = chosen ?? kpiFamily(meta, kpiId);
      const pending = meta.lazyGroups?.includes(kommun.id) ?? false;
      const own = ownGroups(meta.groups, kommun.id, familyKind(family));
      const editions = [...new Set(own.map((g) => g.edition ?? 0))].sort((a, b) => a - b);
      const edition = choice.edition && editions.includes(choice.edition) ? choice.edition : (editions.at(-1) ?? null);
      const g = own.find((x) => (x.edition ?? 0) === edition);
      const area = kpiId ? kpiFacts(meta, kpiId).area : '';
      const basis = chosen ? 'vald av dig' : `vald efter nyckeltalets verksamhetsområde${area ? ` (${area})` : ''}`;
      return {
        kind: 'liknande',
        edition,
        editions,
        family,
        familyBasis: chosen ? 'chosen' : 'auto',
        pending,
        label: `${familyTitle(family)}${edition ? ` (utgåva ${edition})` : ''}`,
        description: g
          ? `${g.title} – Koladas grupp, utgåva ${edition}; ${basis}`
          : pending
            ? `Hämtar liknande kommuner för ${kommun.name} …`
            : `Ingen grupp "liknande kommuner ${FAMILY_NAME[family]}" för ${kommun.name} i data`,
        members: without(g?.members ?? []),
      };
    }
    case 'skr': {
      const code = kommun.skr_group_code;
      const listed = meta.groups.find((g) => g.kind === 'skr_kommungrupp' && g.members.includes(kommun.id));
      const members = listed
        ? listed.members
        : kommuner(meta)
            .filter((m) => code && m.skr_group_code === code)
            .map((m) => m.id);
      const name = kommun.skr_group_name ?? listed?.title ?? 'okänd';
      return {
        kind: 'skr',
        edition: listed?.edition ?? null,
        editions: [],
        label: `SKR-grupp: ${name}`,
        description: `SKR:s kommungruppsindelning${listed?.edition ? ` (${listed.edition})` : ''}: ${code ?? ''} ${name}`.trim(),
        members: without(members),
      };
    }
    case 'lan': {
      const members = kommuner(meta)
        .filter((m) => m.county_code && m.county_code === kommun.county_code)
        .map((m) => m.id);
      const name = kommun.county_name ?? `län ${kommun.county_code ?? ''}`;
      return {
        kind: 'lan',
        edition: null,
        editions: [],
        label: `Övriga i ${name}`,
        description: `Övriga kommuner i ${name}`,
        members: without(members),
      };
    }
    case 'alla':
      return {
        kind: 'alla',
        edition: null,
        editions: [],
        label: 'Alla kommuner',
        description: 'Alla kommuner (ovägt medel)',
        members: without(kommuner(meta).map((m) => m.id)),
      };
    case 'egen': {
      const known = new Set(kommuner(meta).map((m) => m.id));
      const members = without([...new Set(choice.members)].filter((id) => known.has(id))).slice(0, MAX_CUSTOM_MEMBERS);
      return {
        kind: 'egen',
        edition: null,
        editions: [],
        label: `Egen grupp (${members.length} kommuner)`,
        description: 'Egen grupp vald i Jämför',
        members,
      };
    }
  }
}
