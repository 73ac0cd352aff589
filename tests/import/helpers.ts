import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Municipality } from '../../src/data/contract.ts';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'import');

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

/** The small synthetic municipality list in tests/fixtures/import/municipalities.csv. */
export function fixtureMunicipalities(): Municipality[] {
  return readFileSync(join(FIXTURES, 'municipalities.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => {
      const [id, name] = l.split(',');
      return {
        id,
        name,
        type: id.startsWith('00') ? 'L' : 'K',
        county_code: null,
        county_name: null,
        skr_group_code: null,
        skr_group_name: null,
      };
    });
}

/** Swedish characters that must appear in every error message (a cheap "is it Swedish" check). */
export const SWEDISH_WORD = /(kan inte|saknas|okänd|okänt|ogiltig|filen|rubrik|tvetydig|ett |är |kommun|period|tal|värde|dubblett|fel)/i;
