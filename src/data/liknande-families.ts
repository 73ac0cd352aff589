/**
 * Kolada's "Liknande kommuner …" families: one group per kommun and edition, built by RKA for one
 * area each. The family id is the suffix of the contract's group kind (`liknande_<id>`).
 */
export const FAMILY_IDS = [
  'ekonomiskt_bistand', 'ifo', 'arbetsmarknad', 'aldreomsorg', 'lss', 'grundskola', 'gymnasieskola',
  'forskola', 'fritidshem', 'raddningstjanst', 'socioekonomi', 'overgripande',
] as const;
export type FamilyId = (typeof FAMILY_IDS)[number];

/** The family's name as Kolada writes it after "Liknande kommuner". */
export const FAMILY_NAME: Record<FamilyId, string> = {
  ekonomiskt_bistand: 'ekonomiskt bistånd',
  ifo: 'IFO',
  arbetsmarknad: 'arbetsmarknad',
  aldreomsorg: 'äldreomsorg',
  lss: 'LSS',
  grundskola: 'grundskola',
  gymnasieskola: 'gymnasieskola',
  forskola: 'förskola',
  fritidshem: 'fritidshem',
  raddningstjanst: 'räddningstjänst',
  socioekonomi: 'socioekonomi',
  overgripande: 'övergripande',
};

export type FamilyKind = `liknande_${FamilyId}`;
export const familyKind = (f: FamilyId): FamilyKind => `liknande_${f}`;

export function familyOfKind(kind: string): FamilyId | null {
  const id = kind.startsWith('liknande_') ? kind.slice('liknande_'.length) : '';
  return (FAMILY_IDS as readonly string[]).includes(id) ? (id as FamilyId) : null;
}

export const isFamilyId = (s: string | null | undefined): s is FamilyId => !!s && (FAMILY_IDS as readonly string[]).includes(s);

/** "Liknande kommuner äldreomsorg" / "Liknande kommuner, övergripande". */
export function familyTitle(f: FamilyId): string {
  return f === 'overgripande' ? 'Liknande kommuner, övergripande' : `Liknande kommuner ${FAMILY_NAME[f]}`;
}

const TITLE = /^Liknande kommuner(?:,\s*|\s+)(.+?),\s*(.+?),\s*(\d{4})\s*$/;

/** Reads Kolada's group title "Liknande kommuner <family>, <kommun>, <year>"; null for any other group. */
export function parseFamilyTitle(title: string): { family: FamilyId; owner: string; edition: number } | null {
  const m = TITLE.exec(title.trim());
  if (!m) return null;
  const name = m[1].toLowerCase();
  const family = FAMILY_IDS.find((f) => FAMILY_NAME[f].toLowerCase() === name);
  return family ? { family, owner: m[2], edition: Number(m[3]) } : null;
}

/**
 * The family a KPI is compared against by default, from Kolada's operating area (verksamhetsområde)
 * and, inside an area that several families share, the words of its title.
 */
export function defaultFamily(area: string | null | undefined, title = ''): FamilyId {
  const a = (area ?? '').toLowerCase();
  const t = title.toLowerCase();
  if (/ekonomiskt bistånd|försörjningsstöd|biståndsmottagare/.test(t)) return 'ekonomiskt_bistand';
  if (/fritidshem/.test(t)) return 'fritidshem';
  if (a.startsWith('individ- och familjeomsorg')) return 'ifo';
  if (a.startsWith('arbetsmarknad')) return 'arbetsmarknad';
  if (a.startsWith('äldre och funktionshinder') || a.startsWith('insatser enligt lss') || a.startsWith('äldreomsorg')) {
    return /\blss\b|funktionsnedsättning|funktionshinder|personlig assistans|daglig verksamhet|gruppbostad/.test(t) ? 'lss' : 'aldreomsorg';
  }
  if (a.startsWith('grundskola') || a.startsWith('anpassad skola')) return 'grundskola';
  if (a.startsWith('gymnasieskola')) return 'gymnasieskola';
  if (a.startsWith('förskole')) return 'forskola';
  if (/räddningstjänst|brand|räddning/.test(t) || a.startsWith('räddningstjänst')) return 'raddningstjanst';
  if (a.startsWith('befolkning')) return 'socioekonomi';
  return 'overgripande';
}
