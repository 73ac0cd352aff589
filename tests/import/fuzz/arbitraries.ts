/** Shared fast-check generators for the import fuzz tests. */
import fc from 'fast-check';

/** Characters that matter to the parsers, mixed with anything. */
const SPECIAL = [
  '0',
  '1',
  '2',
  '9',
  ',',
  '.',
  ';',
  '\t',
  '"',
  '\n',
  '\r',
  ' ',
  '\u00a0',
  '\u202f',
  '\u2212',
  '-',
  '+',
  '%',
  'e',
  'E',
  'Q',
  'K',
  'M',
  'å',
  'ä',
  'ö',
  'Ö',
  '{',
  '}',
  '[',
  ']',
  ':',
  '..',
  'jan',
  'kvartal',
  'Malmö',
  '0180',
  '2023',
];

export const nastyString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.array(fc.constantFrom(...SPECIAL), { maxLength: 15 }).map((a) => a.join('')),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

/** A number as a person might have written it: finite, moderately sized, sometimes an integer. */
export const finiteNumber = fc
  .oneof(
    fc.integer({ min: -10_000_000, max: 10_000_000 }),
    fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }),
    fc.double({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true }),
  )
  .map((v) => (Object.is(v, -0) ? 0 : v));

/** The Swedish "is this a Swedish sentence" check used on every error string. */
export function isSwedishMessage(s: unknown): boolean {
  return (
    typeof s === 'string' &&
    s.trim().length > 0 &&
    /[a-zåäö]/i.test(s) &&
    /(kan inte|saknas|saknar|raden|värde|okänd|okänt|ogiltig|filen|rubrik|tvetydig|är |inte|fel|dubblett|citattecken|kolumn|tal|json|tom|excel|binära)/i.test(
      s,
    )
  );
}
