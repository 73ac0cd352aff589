import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

export const REPO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The real Kolada extract beside the repo (CI clones next to shared/); KOLADA_DIR overrides. Never copied into the repo. */
export function koladaDir(): string {
  const candidates = [process.env.KOLADA_DIR, join(REPO_DIR, '../shared/data/kolada'), '/work/shared/data/kolada'].filter(
    (x): x is string => !!x,
  );
  const found = candidates.find((d) => existsSync(join(d, 'values_long.csv')));
  if (!found) throw new Error(`Hittar inte Kolada-data (sökte i ${candidates.join(', ')}); sätt KOLADA_DIR`);
  return resolve(found);
}

/** All of Kolada (../shared/data/kolada-full, or KOLADA_FULL_DIR); null when it is not there. */
export function koladaFullDir(): string | null {
  const candidates = [process.env.KOLADA_FULL_DIR, join(REPO_DIR, '../shared/data/kolada-full'), '/work/shared/data/kolada-full'].filter(
    (x): x is string => !!x,
  );
  const found = candidates.find((d) => existsSync(join(d, 'values_long.csv.gz')));
  return found ? resolve(found) : null;
}

/** One of its CSV files with every cell as text (no type guessing: "0180" stays "0180"). */
export function readKoladaCsv(file: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(join(koladaDir(), file), 'utf8'), {
    header: true,
    skipEmptyLines: true,
    dynamicTyping: false,
  });
  if (parsed.errors.length) throw new Error(`${file}: ${parsed.errors[0].message}`);
  return parsed.data;
}
