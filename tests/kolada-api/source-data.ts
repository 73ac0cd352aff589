/** Reads the real Kolada extract in shared/data/kolada (never copied into the repo). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function koladaDir(): string {
  const candidates = [process.env.KOLADA_DIR, join(repo, '../shared/data/kolada'), '/work/shared/data/kolada'].filter((x): x is string => !!x);
  const found = candidates.find((d) => existsSync(join(d, 'values_long.csv')));
  if (!found) throw new Error(`Kolada source data not found; set KOLADA_DIR (tried ${candidates.join(', ')})`);
  return found;
}

export function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(join(koladaDir(), file), 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true, dynamicTyping: false });
  if (parsed.errors.length) throw new Error(`${file}: ${parsed.errors[0].message}`);
  return parsed.data;
}

export const REPO_DIR = repo;
