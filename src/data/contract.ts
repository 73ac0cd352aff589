/** The data contract (docs/data-contract.md) as TypeScript types. Ids are always strings. */

export type Gender = 'T' | 'K' | 'M';
export const GENDERS: readonly Gender[] = ['T', 'K', 'M'];

/** `liknande_<family>`: one of Kolada's "Liknande kommuner …" families (src/peers/families.ts). */
export const LIKNANDE_KINDS = [
  'liknande_ekonomiskt_bistand', 'liknande_ifo', 'liknande_arbetsmarknad', 'liknande_aldreomsorg', 'liknande_lss',
  'liknande_grundskola', 'liknande_gymnasieskola', 'liknande_forskola', 'liknande_fritidshem', 'liknande_raddningstjanst',
  'liknande_socioekonomi', 'liknande_overgripande',
] as const;
export type GroupKind = (typeof LIKNANDE_KINDS)[number] | 'skr_kommungrupp' | 'lan' | 'custom';
export const GROUP_KINDS: readonly GroupKind[] = [...LIKNANDE_KINDS, 'skr_kommungrupp', 'lan', 'custom'];

export interface ValueRow {
  kpi: string;
  municipality_id: string;
  period: string;
  gender: Gender;
  /** null = missing (Kolada null), never 0 */
  value: number | null;
  status?: string | null;
}

export interface Kpi {
  id: string;
  title: string;
  unit: string;
  is_divided_by_gender: boolean;
  description: string;
  source: string;
  higher_is_better: boolean | null;
  parent: string | null;
  breakdown: string | null;
}

export interface Municipality {
  id: string;
  name: string;
  type: 'K' | 'L';
  county_code: string | null;
  county_name: string | null;
  skr_group_code: string | null;
  skr_group_name: string | null;
}

export interface GroupMemberRow {
  group_id: string;
  title: string;
  kind: GroupKind;
  edition: number | null;
  owner_id: string | null;
  member_id: string;
}

export interface Target {
  municipality_id: string;
  kpi: string;
  period: string;
  target: number;
  comparison: '>=' | '<=';
  source_text: string;
}

export interface Manifest {
  name: string;
  sample: boolean;
  retrieved: string | null;
  source: string;
  licence: string;
}

export const CONTRACT_FILES = {
  values: 'values.csv',
  kpis: 'kpis.csv',
  municipalities: 'municipalities.csv',
  groups: 'groups.csv',
  targets: 'targets.csv',
  manifest: 'manifest.json',
} as const;

export const RIKET_ID = '0000';

export type UnitKind = 'riket' | 'region' | 'kommun';

export function unitKind(id: string): UnitKind {
  if (id === RIKET_ID) return 'riket';
  if (id.startsWith('00')) return 'region';
  return 'kommun';
}

export const MUNICIPALITY_ID = /^[0-9]{4}$/;
export const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

export type PeriodGrain = 'year' | 'quarter' | 'month';

export function periodGrain(period: string): PeriodGrain | null {
  const m = PERIOD.exec(period);
  if (!m) return null;
  if (m[2]) return 'month';
  if (m[3]) return 'quarter';
  return 'year';
}
