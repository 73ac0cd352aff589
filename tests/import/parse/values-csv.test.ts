import { describe, expect, it } from 'vitest';
import { valuesCsvBytes } from '../../../src/import/parse/values-csv.ts';
import type { ValueRow } from '../../../src/data/contract.ts';

const row = (kpi: string): ValueRow => ({ kpi, municipality_id: '1286', period: '2023', gender: 'T', value: 1.5 });
const text = (b: Uint8Array) =>
  new TextDecoder()
    .decode(b)
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0]);

describe('values CSV for the engine', () => {
  it('keeps KPI ids named like Object.prototype members when nothing is renamed', () => {
    const ids = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
    expect(text(valuesCsvBytes(ids.map(row)))).toEqual(ids);
    expect(text(valuesCsvBytes(ids.map(row), new Map()))).toEqual(ids);
  });

  it('renames only the ids given, including built-in names on either side', () => {
    const rename = new Map([
      ['constructor', 'X90001'],
      ['a', '__proto__'],
    ]);
    expect(text(valuesCsvBytes(['constructor', 'a', 'toString'].map(row), rename))).toEqual(['X90001', '__proto__', 'toString']);
  });
});
