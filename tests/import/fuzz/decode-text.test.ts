import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/import/parse/decode-text.ts';

const CP1252 = new Map<string, number>([
  ['å', 0xe5],
  ['ä', 0xe4],
  ['ö', 0xf6],
  ['Å', 0xc5],
  ['Ä', 0xc4],
  ['Ö', 0xd6],
  ['é', 0xe9],
]);
const latinText = fc.array(fc.constantFrom(...'abcXYZ019 ;,.-"\n'.split(''), ...CP1252.keys()), { maxLength: 60 }).map((a) => a.join(''));

function encode1252(s: string): Uint8Array {
  return new Uint8Array([...s].map((c) => CP1252.get(c) ?? c.charCodeAt(0)));
}

describe('fuzz decodeText', () => {
  it('never throws on any bytes and always names an encoding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const r = decodeText(bytes);
        expect(typeof r.text).toBe('string');
        expect(['utf-8-bom', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252']).toContain(r.encoding);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips UTF-8 text with and without a BOM', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.boolean(), (s, bom) => {
        fc.pre(!s.startsWith('\ufeff'));
        const body = new TextEncoder().encode(s);
        const bytes = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
        const r = decodeText(bytes);
        // A BOM-less text starting with U+FFFE/U+FEFF-like bytes is not generated (pre above).
        expect(r.text).toBe(s);
        expect(r.encoding).toBe(bom ? 'utf-8-bom' : 'utf-8');
      }),
      { numRuns: 1000 },
    );
  });

  it('reads Windows-1252 bytes with å/ä/ö as Windows-1252', () => {
    fc.assert(
      fc.property(latinText, (s) => {
        const r = decodeText(encode1252(s));
        expect(r.text).toBe(s);
        expect(r.encoding).toBe([...s].some((c) => CP1252.has(c)) ? 'windows-1252' : 'utf-8');
      }),
      { numRuns: 1000 },
    );
  });
});
