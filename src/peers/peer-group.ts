import type { Municipality } from '../data/contract.ts';
import { kommuner, type SiteMeta } from '../data/site-meta.ts';

/** What the user picks; serialisable into the URL. */
export type PeerChoice =
  | { kind: 'liknande'; edition?: number }
  | { kind: 'skr' }
  | { kind: 'lan' }
  | { kind: 'alla' }
  | { kind: 'egen'; members: string[] };

export const PEER_KINDS = ['liknande', 'skr', 'lan', 'alla', 'egen'] as const;
export type PeerKind = (typeof PEER_KINDS)[number];

export const PEER_KIND_LABEL: Record<PeerKind, string> = {
  liknande: 'Liknande kommuner, ekonomiskt bistånd',
  skr: 'SKR:s kommungrupp',
  lan: 'Länet',
  alla: 'Alla kommuner',
  egen: 'Egen grupp',
};

export const MAX_CUSTOM_MEMBERS = 30;

export interface PeerGroup {
  kind: PeerKind;
  /** legend text that names the group, e.g. "Liknande kommuner (utgåva 2023)" */
  label: string;
  /** longer description with the edition/version, for captions */
  description: string;
  members: string[];
  edition: number | null;
  /** available editions for the liknande group */
  editions: number[];
}

/** Resolves a choice to members for one kommun; the kommun itself is never a member. */
export function resolvePeerGroup(meta: SiteMeta, kommun: Municipality, choice: PeerChoice): PeerGroup {
  const without = (ids: string[]) => ids.filter((id) => id !== kommun.id);
  switch (choice.kind) {
    case 'liknande': {
      const own = meta.groups.filter((g) => g.kind === 'liknande_ekonomiskt_bistand' && g.owner === kommun.id);
      const editions = [...new Set(own.map((g) => g.edition ?? 0))].sort((a, b) => a - b);
      const edition = choice.edition && editions.includes(choice.edition) ? choice.edition : editions.at(-1) ?? null;
      const g = own.find((x) => (x.edition ?? 0) === edition);
      return {
        kind: 'liknande', edition, editions,
        label: `Liknande kommuner${edition ? ` (utgåva ${edition})` : ''}`,
        description: g ? `${g.title} – Koladas grupp, utgåva ${edition}` : `Ingen grupp "liknande kommuner" för ${kommun.name} i data`,
        members: without(g?.members ?? []),
      };
    }
    case 'skr': {
      const code = kommun.skr_group_code;
      const listed = meta.groups.find((g) => g.kind === 'skr_kommungrupp' && g.members.includes(kommun.id));
      const members = listed ? listed.members : kommuner(meta).filter((m) => code && m.skr_group_code === code).map((m) => m.id);
      const name = kommun.skr_group_name ?? listed?.title ?? 'okänd';
      return {
        kind: 'skr', edition: listed?.edition ?? null, editions: [],
        label: `SKR-grupp: ${name}`,
        description: `SKR:s kommungruppsindelning${listed?.edition ? ` (${listed.edition})` : ''}: ${code ?? ''} ${name}`.trim(),
        members: without(members),
      };
    }
    case 'lan': {
      const members = kommuner(meta).filter((m) => m.county_code && m.county_code === kommun.county_code).map((m) => m.id);
      const name = kommun.county_name ?? `län ${kommun.county_code ?? ''}`;
      return { kind: 'lan', edition: null, editions: [], label: `Övriga i ${name}`, description: `Övriga kommuner i ${name}`, members: without(members) };
    }
    case 'alla':
      return { kind: 'alla', edition: null, editions: [], label: 'Alla kommuner', description: 'Alla kommuner (ovägt medel)', members: without(kommuner(meta).map((m) => m.id)) };
    case 'egen': {
      const known = new Set(kommuner(meta).map((m) => m.id));
      const members = without([...new Set(choice.members)].filter((id) => known.has(id))).slice(0, MAX_CUSTOM_MEMBERS);
      return { kind: 'egen', edition: null, editions: [], label: `Egen grupp (${members.length} kommuner)`, description: 'Egen grupp vald i Jämför', members };
    }
  }
}
