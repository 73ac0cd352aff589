import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { compareKommunNames } from '../../src/format/kommun-order.ts';
import { readKoladaCsv, REPO_DIR } from '../support/kolada-dir.ts';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';

const sv = new Intl.Collator('sv');

describe('kommun names in Swedish order without Intl', () => {
  it('orders every unit name of the Kolada data and of the sample exactly as Intl.Collator sv does', () => {
    const kolada = readKoladaCsv('municipalities.csv').map((r) => r.name);
    const sample = Papa.parse<Record<string, string>>(readFileSync(join(REPO_DIR, 'data/sample/municipalities.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data.map((r) => r.name);
    for (const names of [kolada, sample]) {
      expect(names.length).toBeGreaterThan(20);
      const shuffled = [...names].reverse();
      expect(shuffled.sort(compareKommunNames)).toEqual([...names].sort(sv.compare));
    }
    expect(kolada).toContain('Örebro');
  });

  it('puts å, ä and ö after z, ignoring case', () => {
    expect(['Örebro', 'Åre', 'ystad', 'Älmhult', 'Zeta', 'alingsås'].sort(compareKommunNames)).toEqual([
      'alingsås',
      'ystad',
      'Zeta',
      'Åre',
      'Älmhult',
      'Örebro',
    ]);
  });
});
