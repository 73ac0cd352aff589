import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The real Kolada data beside the repo (CI clones next to shared/); KOLADA_DIR overrides. */
export function koladaDir(): string {
  const candidates = [process.env.KOLADA_DIR, resolve(process.cwd(), '../shared/data/kolada'), '/work/shared/data/kolada'].filter(Boolean) as string[];
  const found = candidates.find((d) => existsSync(resolve(d, 'values_long.csv')));
  if (!found) throw new Error(`Hittar inte Kolada-data (sökte i ${candidates.join(', ')}); sätt KOLADA_DIR`);
  return resolve(found);
}
