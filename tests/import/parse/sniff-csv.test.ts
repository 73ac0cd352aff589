import { describe, expect, it } from 'vitest';
import { parseCsvRows, sniffDecimalSeparator, sniffDelimiter } from '../../../src/import/parse/sniff-csv.ts';

describe('sniffDelimiter', () => {
  it('finds comma, semicolon and tab', () => {
    expect(sniffDelimiter('kpi,municipality_id,period\nX,0180,2022\n')).toBe(',');
    expect(sniffDelimiter('kpi;kommun;år;värde\nX;Malmö;2022;1,5\nX;Ale;2022;2,25\n')).toBe(';');
    expect(sniffDelimiter('Månad\tStockholm\tMalmö\njanuari 2023\t1,5\t2\n')).toBe('\t');
  });
  it('ignores delimiters inside quotes', () => {
    expect(sniffDelimiter('"a;b",c,d\n"x;y",1,2\n')).toBe(',');
  });
  it('defaults to comma for one column or empty text', () => {
    expect(sniffDelimiter('')).toBe(',');
    expect(sniffDelimiter('kommun\nMalmö\n')).toBe(',');
  });
});

describe('sniffDecimalSeparator', () => {
  it('votes by unambiguous cells', () => {
    expect(sniffDecimalSeparator(['1,5', '2', '3,25'], ';')).toBe(',');
    expect(sniffDecimalSeparator(['1.5', '2', '3.25'], ';')).toBe('.');
    expect(sniffDecimalSeparator(['1 234,5', '12,3 %'], ',')).toBe(',');
  });
  it('falls back on the delimiter when nothing votes', () => {
    expect(sniffDecimalSeparator(['1', '2', '1,234'], ',')).toBe('.');
    expect(sniffDecimalSeparator(['1', '2', '1.234'], ';')).toBe(',');
  });
});

describe('parseCsvRows', () => {
  it('keeps ids as text and reports the file line of each record', () => {
    const text = 'a;b\n\n"x\ny";0180\r\n3;4\n';
    const r = parseCsvRows(text, ';');
    expect(r.rows).toEqual([
      ['a', 'b'],
      ['x\ny', '0180'],
      ['3', '4'],
    ]);
    expect(r.lines).toEqual([1, 3, 5]);
    expect(r.problems).toEqual([]);
  });
  it('counts lines in CRLF files', () => {
    const r = parseCsvRows('a,b\r\n1,2\r\n\r\n3,4\r\n', ',');
    expect(r.lines).toEqual([1, 2, 4]);
  });
  it('reports an unclosed quote in Swedish', () => {
    const r = parseCsvRows('a,b\n"1,2\n', ',');
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems[0].reason).toMatch(/citattecken/);
  });
});
