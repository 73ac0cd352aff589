/** Reads an earlier output of `data:kolada` (for `--since` merges and to keep older group editions). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { CONTRACT_FILES, GENDERS, type Gender, type GroupKind, type GroupMemberRow, type ValueRow } from '../data/contract.ts';
import type { KoladaManifest } from './manifest.ts';

export interface PreviousOutput {
  dir: string;
  manifest: KoladaManifest | null;
  values: ValueRow[];
  groups: GroupMemberRow[];
  municipalityIds: string[];
}

function readCsv(file: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), {
    header: true,
    skipEmptyLines: true,
    dynamicTyping: false,
  });
  if (parsed.errors.length) {
    const e = parsed.errors[0];
    throw new Error(`${file}: line ${(e.row ?? 0) + 2}: ${e.message}`);
  }
  return parsed.data;
}

export function hasPreviousOutput(dir: string): boolean {
  return existsSync(join(dir, CONTRACT_FILES.values)) && existsSync(join(dir, CONTRACT_FILES.municipalities));
}

export function readPreviousOutput(dir: string): PreviousOutput {
  const manifestFile = join(dir, CONTRACT_FILES.manifest);
  const manifest = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as KoladaManifest) : null;
  const values = readCsv(join(dir, CONTRACT_FILES.values)).map((r, i): ValueRow => {
    if (!GENDERS.includes(r.gender as Gender))
      throw new Error(`${dir}/values.csv: line ${i + 2}: unknown gender ${JSON.stringify(r.gender)}`);
    const value = r.value === '' || r.value === undefined ? null : Number(r.value);
    if (value !== null && !Number.isFinite(value))
      throw new Error(`${dir}/values.csv: line ${i + 2}: value ${JSON.stringify(r.value)} is not a number`);
    return {
      kpi: r.kpi,
      municipality_id: r.municipality_id,
      period: r.period,
      gender: r.gender as Gender,
      value,
      status: r.status ? r.status : null,
    };
  });
  const groupsFile = join(dir, CONTRACT_FILES.groups);
  const groups = existsSync(groupsFile)
    ? readCsv(groupsFile).map((r): GroupMemberRow => ({
        group_id: r.group_id,
        title: r.title,
        kind: r.kind as GroupKind,
        edition: r.edition === '' ? null : Number(r.edition),
        owner_id: r.owner_id === '' ? null : r.owner_id,
        member_id: r.member_id,
      }))
    : [];
  const municipalityIds = readCsv(join(dir, CONTRACT_FILES.municipalities)).map((r) => r.id);
  return { dir, manifest, values, groups, municipalityIds };
}
