import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { CONTRACT_FILES, type GroupMemberRow, type Kpi, type Manifest, type Municipality, type Target, type ValueRow } from './contract.ts';
import { formatCsv, type CsvCell } from './csv-format.ts';
import { CATALOGUE_COLUMNS, CATALOGUE_FILE } from './kpi-catalogue.ts';

export interface ContractData {
  values: Iterable<ValueRow>;
  kpis: Iterable<Kpi>;
  municipalities: Iterable<Municipality>;
  groups?: Iterable<GroupMemberRow>;
  targets?: Iterable<Target>;
  manifest?: Manifest;
  /** optional catalogue.csv rows, in the order of CATALOGUE_COLUMNS */
  catalogue?: Iterable<readonly CsvCell[]>;
}

export const CSV_COLUMNS = {
  values: ['kpi', 'municipality_id', 'period', 'gender', 'value', 'status'],
  kpis: ['id', 'title', 'unit', 'is_divided_by_gender', 'description', 'source', 'higher_is_better', 'parent', 'breakdown'],
  municipalities: ['id', 'name', 'type', 'county_code', 'county_name', 'skr_group_code', 'skr_group_name'],
  groups: ['group_id', 'title', 'kind', 'edition', 'owner_id', 'member_id'],
  targets: ['municipality_id', 'kpi', 'period', 'target', 'comparison', 'source_text'],
} as const;

/** Renders each contract file's text (pure; used by writers and tests). */
export function renderContractFiles(data: ContractData): Record<string, string> {
  const files: Record<string, string> = {
    [CONTRACT_FILES.values]: formatCsv(CSV_COLUMNS.values, map(data.values, (r) => [r.kpi, r.municipality_id, r.period, r.gender, r.value, r.status ?? null])),
    [CONTRACT_FILES.kpis]: formatCsv(CSV_COLUMNS.kpis, map(data.kpis, (k) => [k.id, k.title, k.unit, k.is_divided_by_gender, k.description, k.source, k.higher_is_better, k.parent, k.breakdown])),
    [CONTRACT_FILES.municipalities]: formatCsv(CSV_COLUMNS.municipalities, map(data.municipalities, (m) => [m.id, m.name, m.type, m.county_code, m.county_name, m.skr_group_code, m.skr_group_name])),
  };
  if (data.groups) files[CONTRACT_FILES.groups] = formatCsv(CSV_COLUMNS.groups, map(data.groups, (g) => [g.group_id, g.title, g.kind, g.edition, g.owner_id, g.member_id]));
  if (data.targets) files[CONTRACT_FILES.targets] = formatCsv(CSV_COLUMNS.targets, map(data.targets, (t) => [t.municipality_id, t.kpi, t.period, t.target, t.comparison, t.source_text]));
  if (data.catalogue) files[CATALOGUE_FILE] = formatCsv(CATALOGUE_COLUMNS, data.catalogue);
  if (data.manifest) files[CONTRACT_FILES.manifest] = JSON.stringify(data.manifest, null, 2) + '\n';
  return files;
}

/**
 * Writes a data directory atomically: everything goes to a sibling temp directory first, which then
 * replaces `dir` in one rename, so readers never see a half-written directory.
 */
export function writeContractDirectory(dir: string, data: ContractData): void {
  writeDirectoryAtomically(dir, renderContractFiles(data));
}

export function writeDirectoryAtomically(dir: string, files: Record<string, string | Uint8Array>): void {
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(dir)}.tmp-${process.pid}-${Date.now()}`);
  mkdirSync(tmp, { recursive: true });
  try {
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(dirname(join(tmp, name)), { recursive: true });
      writeFileSync(join(tmp, name), content);
    }
    const old = existsSync(dir) ? `${tmp}.old` : null;
    if (old) renameSync(dir, old);
    renameSync(tmp, dir);
    if (old) rmSync(old, { recursive: true, force: true });
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

function* map<T, U>(it: Iterable<T>, f: (t: T) => U): Iterable<U> {
  for (const t of it) yield f(t);
}
