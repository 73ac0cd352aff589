/** Kolada v3 JSON → data-contract rows (docs/data-contract.md). Pure functions. */
import type { Gender, GroupMemberRow, Kpi, Municipality, ValueRow } from '../data/contract.ts';
import { RIKET_ID, unitKind } from '../data/contract.ts';
import { unitFromTitle, type CatalogueEntry } from '../data/kpi-catalogue.ts';
import { higherIsBetter } from '../data/kpi-directions.ts';
import { familyKind, parseFamilyTitle } from '../data/liknande-families.ts';

export const KOLADA_SOURCE = 'Kolada (RKA)';

// ---------------------------------------------------------------- values

/** A row of `/data/...`: `{kpi, municipality, period, values: [{gender, count, status, value}], isdeleted?}` */
export interface ApiDataRow {
  kpi: string;
  municipality: string;
  period: number | string;
  isdeleted?: boolean;
  values: { gender: string; count?: number; status?: string | null; value: number | null }[];
}

/** `(kpi, municipality, period)`: the unit Kolada changes or deletes as a whole */
export interface RowKey {
  kpi: string;
  municipality_id: string;
  period: string;
}

export interface ConvertedValues {
  values: ValueRow[];
  /** rows flagged `isdeleted` (dropped; in an incremental update they remove the previous row) */
  deleted: RowKey[];
}

export const valueKey = (v: { kpi: string; municipality_id: string; period: string; gender?: string }) =>
  `${v.kpi}|${v.municipality_id}|${v.period}|${v.gender ?? ''}`;
export const rowKey = (v: RowKey) => `${v.kpi}|${v.municipality_id}|${v.period}`;

function idText(v: unknown, what: string): string {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return what === 'municipality' ? String(v).padStart(4, '0') : String(v);
  throw new Error(`data row without a valid ${what}: ${JSON.stringify(v)}`);
}

function isDeleted(v: unknown): boolean {
  return v === true || v === 1 || v === 'true' || v === 'TRUE';
}

export function valuesFromApi(rows: readonly unknown[]): ConvertedValues {
  const values: ValueRow[] = [];
  const deleted: RowKey[] = [];
  for (const raw of rows) {
    const r = raw as Partial<ApiDataRow>;
    const key: RowKey = {
      kpi: idText(r.kpi, 'kpi'),
      municipality_id: idText(r.municipality, 'municipality'),
      period: idText(r.period, 'period'),
    };
    if (isDeleted(r.isdeleted)) {
      deleted.push(key);
      continue;
    }
    if (!Array.isArray(r.values)) throw new Error(`data row ${rowKey(key)} has no "values" array`);
    for (const g of r.values) {
      const gender = g?.gender;
      if (gender !== 'T' && gender !== 'K' && gender !== 'M')
        throw new Error(`data row ${rowKey(key)} has an unknown gender ${JSON.stringify(gender)}`);
      const value = g.value;
      if (value !== null && value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) {
        throw new Error(`data row ${rowKey(key)} ${gender} has a non-numeric value ${JSON.stringify(value)}`);
      }
      const status = typeof g.status === 'string' && g.status.trim() !== '' ? g.status : null;
      values.push({ ...key, gender: gender as Gender, value: value ?? null, status });
    }
  }
  return { values, deleted };
}

/** Unique by (kpi, municipality, period, gender): a later row replaces an earlier one. Sorted. */
export function dedupeValues(rows: Iterable<ValueRow>): ValueRow[] {
  const m = new Map<string, ValueRow>();
  for (const r of rows) m.set(valueKey(r), r);
  return sortValues(m.values());
}

const GENDER_ORDER: Record<Gender, number> = { T: 0, K: 1, M: 2 };
export function sortValues(rows: Iterable<ValueRow>): ValueRow[] {
  return [...rows].sort(
    (a, b) =>
      cmp(a.kpi, b.kpi) ||
      cmp(a.municipality_id, b.municipality_id) ||
      cmp(a.period, b.period) ||
      GENDER_ORDER[a.gender] - GENDER_ORDER[b.gender],
  );
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------- KPIs

/** The unit shown after numbers, from the official title (the same rule as the directory path's catalogue). */
export { unitFromTitle };

function bool(v: unknown): boolean {
  return v === true || v === 1 || v === '1' || v === 'true' || v === 'TRUE';
}

export function kpisFromApi(rows: readonly unknown[]): Kpi[] {
  return rows.map((raw) => {
    const k = raw as Record<string, unknown>;
    const id = idText(k.id, 'kpi');
    const title = typeof k.title === 'string' ? k.title : '';
    if (!title) throw new Error(`KPI ${id} has no title`);
    return {
      id,
      title,
      unit: unitFromTitle(title),
      is_divided_by_gender: bool(k.is_divided_by_gender),
      description: typeof k.description === 'string' ? k.description : '',
      source: KOLADA_SOURCE,
      higher_is_better: higherIsBetter(id),
      parent: null,
      breakdown: null,
    };
  });
}

/** `/kpi` (every KPI Kolada knows) → catalogue entries sorted by id; rows without an id are skipped. */
export function catalogueFromApi(rows: readonly unknown[]): Omit<CatalogueEntry, 'has_data'>[] {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const out: Omit<CatalogueEntry, 'has_data'>[] = [];
  for (const raw of rows) {
    const k = raw as Record<string, unknown>;
    const id = text(k.id).trim();
    if (!id) continue;
    const title = text(k.title) || id;
    out.push({
      id,
      title,
      description: text(k.description),
      area: text(k.operating_area),
      unit: unitFromTitle(title),
      is_divided_by_gender: bool(k.is_divided_by_gender),
      publ_period: text(k.publ_period),
      higher_is_better: higherIsBetter(id),
    });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

// ---------------------------------------------------------------- municipalities

/** Län (county) names by county code. */
export const COUNTY_NAMES: Readonly<Record<string, string>> = {
  '01': 'Stockholms län',
  '03': 'Uppsala län',
  '04': 'Södermanlands län',
  '05': 'Östergötlands län',
  '06': 'Jönköpings län',
  '07': 'Kronobergs län',
  '08': 'Kalmar län',
  '09': 'Gotlands län',
  '10': 'Blekinge län',
  '12': 'Skåne län',
  '13': 'Hallands län',
  '14': 'Västra Götalands län',
  '17': 'Värmlands län',
  '18': 'Örebro län',
  '19': 'Västmanlands län',
  '20': 'Dalarnas län',
  '21': 'Gävleborgs län',
  '22': 'Västernorrlands län',
  '23': 'Jämtlands län',
  '24': 'Västerbottens län',
  '25': 'Norrbottens län',
};

/** SKR kommungruppsindelning 2023: Kolada's group ids and titles and SKR's codes and names. */
export const SKR_GROUPS: readonly { groupId: string; code: string; name: string; koladaTitle: string }[] = [
  { groupId: 'G92787', code: 'A1', name: 'Storstäder', koladaTitle: 'Storstäder' },
  { groupId: 'G92793', code: 'A2', name: 'Pendlingskommun nära storstad', koladaTitle: 'Pendlingskommun nära storstad' },
  { groupId: 'G92790', code: 'B3', name: 'Större stad', koladaTitle: 'Större stad' },
  { groupId: 'G92792', code: 'B4', name: 'Pendlingskommun nära större stad', koladaTitle: 'Pendlingskommun nära större stad' },
  { groupId: 'G92786', code: 'B5', name: 'Lågpendlingskommun nära större stad', koladaTitle: 'Lågpendlingskommun nära större stad' },
  { groupId: 'G92788', code: 'C6', name: 'Mindre stad/tätort', koladaTitle: 'Mindre stad/tätort' },
  { groupId: 'G92789', code: 'C7', name: 'Pendlingskommun nära mindre stad/tätort', koladaTitle: 'Pendlingskommun nära mindre tätort' },
  { groupId: 'G92791', code: 'C8', name: 'Landsbygdskommun', koladaTitle: 'Landsbygdskommun, ej nära större stad' },
  { groupId: 'G92794', code: 'C9', name: 'Landsbygdskommun med besöksnäring', koladaTitle: 'Landsbygdskommun med besöksnäring' },
];
export const SKR_EDITION = 2023;

export function skrGroupFor(id: string, title: string): (typeof SKR_GROUPS)[number] | null {
  const stem = title.replace(/\s*\(ovägt medel\)\s*$/, '').trim();
  return SKR_GROUPS.find((g) => g.groupId === id) ?? SKR_GROUPS.find((g) => g.koladaTitle === stem || g.name === stem) ?? null;
}

export function municipalitiesFromApi(
  rows: readonly unknown[],
  skrByMember: ReadonlyMap<string, { code: string; name: string }> = new Map(),
): Municipality[] {
  const out = rows.map((raw): Municipality => {
    const m = raw as Record<string, unknown>;
    const id = idText(m.id, 'municipality');
    const name = typeof m.title === 'string' ? m.title : typeof m.name === 'string' ? m.name : '';
    const type = m.type === 'K' ? 'K' : m.type === 'L' ? 'L' : null;
    if (!/^\d{4}$/.test(id)) throw new Error(`municipality id ${JSON.stringify(id)} is not 4 digits`);
    if (!type) throw new Error(`municipality ${id} has an unknown type ${JSON.stringify(m.type)}`);
    const kind = unitKind(id);
    const county_code = id === RIKET_ID ? null : kind === 'region' ? id.slice(2) : id.slice(0, 2);
    const skr = kind === 'kommun' ? skrByMember.get(id) : undefined;
    return {
      id,
      name,
      type,
      county_code,
      county_name: kind === 'kommun' ? (COUNTY_NAMES[county_code!] ?? null) : null,
      skr_group_code: skr?.code ?? null,
      skr_group_name: skr?.name ?? null,
    };
  });
  return out.sort((a, b) => cmp(a.id, b.id));
}

// ---------------------------------------------------------------- groups

export interface ApiGroup {
  id: string;
  title: string;
  members: { member_id?: string; id?: string; member_title?: string; title?: string }[];
}

export interface ConvertedGroups {
  groups: GroupMemberRow[];
  /** kommun → SKR kommungrupp, from the SKR groups' members */
  skrByMember: Map<string, { code: string; name: string }>;
  warnings: string[];
}

/**
 * Keeps Kolada's "Liknande kommuner <family>, <kommun>, <year>" groups of every family (owner resolved
 * from the kommun name) and the 9 SKR kommungrupper; every other group is ignored.
 */
export function groupsFromApi(
  rows: readonly unknown[],
  municipalities: readonly { id: string; name: string; type: string }[],
): ConvertedGroups {
  const kommunByName = new Map<string, string>();
  for (const m of municipalities) if (m.type === 'K' && unitKind(m.id) === 'kommun') kommunByName.set(m.name, m.id);
  const groups: GroupMemberRow[] = [];
  const skrByMember = new Map<string, { code: string; name: string }>();
  const warnings: string[] = [];
  for (const raw of rows) {
    const g = raw as Partial<ApiGroup>;
    const id = typeof g.id === 'string' ? g.id : '';
    const title = typeof g.title === 'string' ? g.title.trim() : '';
    const members = Array.isArray(g.members) ? g.members.map((m) => String(m.member_id ?? m.id ?? '')).filter((x) => x !== '') : [];
    const lk = parseFamilyTitle(title);
    if (lk) {
      const owner = kommunByName.get(lk.owner) ?? null;
      if (!owner) warnings.push(`group ${id} "${title}": no kommun named "${lk.owner}"; owner_id left empty`);
      for (const member_id of unique(members))
        groups.push({ group_id: id, title, kind: familyKind(lk.family), edition: lk.edition, owner_id: owner, member_id });
      continue;
    }
    const skr = skrGroupFor(id, title);
    if (skr && (SKR_GROUPS.some((s) => s.groupId === id) || /\(ovägt medel\)$/.test(title) || title === skr.name)) {
      for (const member_id of unique(members)) {
        groups.push({ group_id: id, title, kind: 'skr_kommungrupp', edition: SKR_EDITION, owner_id: null, member_id });
        const prev = skrByMember.get(member_id);
        if (prev && prev.code !== skr.code) warnings.push(`kommun ${member_id} is in two SKR kommungrupper (${prev.code}, ${skr.code})`);
        skrByMember.set(member_id, { code: skr.code, name: skr.name });
      }
    }
  }
  return { groups: sortGroups(groups), skrByMember, warnings };
}

export function sortGroups(rows: Iterable<GroupMemberRow>): GroupMemberRow[] {
  return [...rows].sort(
    (a, b) => cmp(a.kind, b.kind) || (a.edition ?? 0) - (b.edition ?? 0) || cmp(a.group_id, b.group_id) || cmp(a.member_id, b.member_id),
  );
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
