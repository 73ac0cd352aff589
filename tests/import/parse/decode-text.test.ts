import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/import/parse/decode-text.ts';
import { fixtureBytes } from '../helpers.ts';

describe('decodeText', () => {
  it('reads plain UTF-8', () => {
    const r = decodeText(new TextEncoder().encode('Malmö;Håbo;Västerås'));
    expect(r).toEqual({ text: 'Malmö;Håbo;Västerås', encoding: 'utf-8' });
  });
  it('strips a UTF-8 BOM and reports it', () => {
    const r = decodeText(fixtureBytes('long-semicolon-bom.csv'));
    expect(r.encoding).toBe('utf-8-bom');
    expect(r.text.startsWith('nyckeltal;kommun;år')).toBe(true);
    expect(r.text).toContain('MALMÖ');
  });
  it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    const r = decodeText(fixtureBytes('long-windows-1252.csv'));
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toContain('Alingsås');
    expect(r.text).toContain('Håbo');
    expect(r.text).toContain('MALMÖ');
    expect(r.text).toContain('värde');
  });
  it('decodes å/ä/ö/Å/Ä/Ö from 1252 bytes', () => {
    expect(decodeText(new Uint8Array([0xe5, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6])).text).toBe('åäöÅÄÖ');
  });
  it('reads UTF-16 with a BOM (Excel "Unicode text")', () => {
    const s = 'kommun\tvärde\nMalmö\t1';
    const bytes = new Uint8Array(2 + s.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < s.length; i++) {
      bytes[2 + i * 2] = s.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = s.charCodeAt(i) >> 8;
    }
    expect(decodeText(bytes)).toEqual({ text: s, encoding: 'utf-16le' });
  });
  it('handles empty input', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});
