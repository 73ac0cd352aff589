import { describe, expect, it } from 'vitest';
import { parseTargetsCsv, targetsCsv } from '../../../src/import/targets/targets-file.ts';
import { sick, ystad } from './targets-fixtures.ts';

describe('målvärden as targets.csv', () => {
  it('exports and re-imports the contract targets.csv', () => {
    const csv = targetsCsv([ystad, sick]);
    expect(csv.split('\n')[0]).toBe('municipality_id,kpi,period,target,comparison,source_text');
    expect(csv.split('\n')[1]).toBe('1286,U31462,2022,90,>=,Socialnämndens verksamhetsplan 2024; mål 1~a');
    const back = parseTargetsCsv(new TextEncoder().encode(csv), { municipalities: new Set(['1286', '1861']) });
    expect(back.problems).toEqual([]);
    expect(back.targets).toEqual([ystad, sick]);
  });

  it('refuses bad rows in a targets.csv with their lines, in Swedish', () => {
    const text =
      'municipality_id;kpi;period;target;comparison;source_text\n1286;U31462;2024;90;>=;ok\n9999;U31462;2024;1;>=;\n1286;U31462;tjugo;1;>=;\n1286;U31462;2024;mycket;>=;\n1286;U31462;2024;1;=;\n';
    const r = parseTargetsCsv(new TextEncoder().encode(text), { municipalities: new Set(['1286']) });
    expect(r.problems.map((p) => p.line)).toEqual([3, 4, 5, 6]);
    expect(r.problems.map((p) => p.reason).join(' ')).toMatch(/Okänd kommun.*fyra siffror.*tal.*minst/);
    expect(parseTargetsCsv(new TextEncoder().encode('a,b\n1,2\n')).problems[0].reason).toMatch(/Rubrikraden saknar/);
  });
});
