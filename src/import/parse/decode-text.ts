/**
 * Bytes → text for imported files. Runs in the browser and in node (TextDecoder only).
 *
 * Order: a UTF-8 BOM → 'utf-8-bom'; a UTF-16 BOM (Excel's "Unicode-text") → 'utf-16le'/'utf-16be';
 * bytes that are valid UTF-8 → 'utf-8'; anything else → 'windows-1252' (older Swedish Excel and
 * HR-system exports), which never fails.
 */
export type TextEncodingName = 'utf-8-bom' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Human readable Swedish name of an encoding, for previews. */
export const ENCODING_LABELS: Record<TextEncodingName, string> = {
  'utf-8-bom': 'UTF-8 med BOM',
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little endian)',
  'utf-16be': 'UTF-16 (big endian)',
  'windows-1252': 'Windows-1252 (äldre Excel/Windows)',
};

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    // The BOM is valid UTF-8 but the rest may not be; fall back on the rest if so.
    const rest = bytes.subarray(3);
    const strict = tryUtf8(rest);
    if (strict !== null) return { text: strict, encoding: 'utf-8-bom' };
    return { text: decodeWindows1252(rest), encoding: 'windows-1252' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const strict = tryUtf8(bytes);
  if (strict !== null) return { text: strict, encoding: 'utf-8' };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

/** Windows-1252's characters at 0x80–0x9F (some TextDecoders, e.g. Node's, decode them as C1 controls). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    // ignoreBOM: a second BOM after the first stays visible rather than silently vanishing.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
