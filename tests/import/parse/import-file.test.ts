import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, kpiFromFileName, parseImportFile } from '../../../src/import/parse/import-file.ts';
import { fixtureMunicipalities } from '../helpers.ts';

const ctx = { municipalities: fixtureMunicipalities(), kpis: [] };
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('parseImportFile', () => {
  it('documents a 200 MB default limit and refuses larger files', () => {
    expect(MAX_IMPORT_BYTES).toBe(200 * 1024 * 1024);
    const r = parseImportFile('big.csv', new Uint8Array(2048), { ...ctx, maxBytes: 1024 });
    expect(r.refusal).toMatch(/största tillåtna storlek/);
    expect(r.accepted).toEqual([]);
  });

  it('refuses Excel workbooks, binary and empty files in Swedish', () => {
    expect(parseImportFile('a.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 0]), ctx).refusal).toMatch(/Excel/);
    expect(parseImportFile('a.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), ctx).refusal).toMatch(/Excel/);
    expect(parseImportFile('a.bin', new Uint8Array([1, 0, 2]), ctx).refusal).toMatch(/binära/);
    expect(parseImportFile('a.csv', new Uint8Array(), ctx).refusal).toMatch(/tom/);
    expect(parseImportFile('a.csv', utf8(' \n\n'), ctx).refusal).toMatch(/tom/);
  });

  it('detects JSON by content even without .json', () => {
    const r = parseImportFile(
      'export',
      utf8('{"values":[{"kpi":"X","municipality":"0180","period":2020,"values":[{"gender":"T","value":1}]}],"next_url":null}'),
      ctx,
    );
    expect(r.format).toBe('kolada-json');
    expect(r.accepted).toHaveLength(1);
  });

  it('reads a long file without a KPI column under a name from the file name, for the user to place', () => {
    const r = parseImportFile('Sjukfrånvaro Ystad.csv', utf8('kommun;period;värde\n0180;2020;1,5\n0180;2021;2\n'), ctx);
    expect(r.refusal ?? null).toBeNull();
    expect(r.accepted.map((x) => [x.kpi, x.period, x.value])).toEqual([
      ['Sjukfranvaro_Ystad', '2020', 1.5],
      ['Sjukfranvaro_Ystad', '2021', 2],
    ]);
    expect(r.warnings.join(' ')).toMatch(/ingen kolumn för nyckeltal/);
  });

  it('keeps ids as text', () => {
    const r = parseImportFile('v.csv', utf8('kpi,municipality_id,period,gender,value\n0001,0180,2020,T,1\n'), ctx);
    expect(r.accepted).toEqual([{ kpi: '0001', municipality_id: '0180', period: '2020', gender: 'T', value: 1 }]);
  });

  it('derives a placeholder KPI id from a file name', () => {
    expect(kpiFromFileName('C:\\Users\\x\\Sjukfrånvaro mars.csv')).toBe('Sjukfranvaro_mars');
    expect(kpiFromFileName('.csv')).toBe('egen_serie');
  });
});
