/**
 * Writes the resolution into a PNG (pHYs chunk) so Word and InDesign place a 1890 px wide image at
 * 16 cm instead of guessing 96 dpi. Canvas PNGs carry no pHYs; we insert one right after IHDR.
 */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  if (!SIGNATURE.every((b, i) => png[i] === b)) throw new Error('Not a PNG');
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

/** Dots per inch stored in a PNG's pHYs chunk, or null when there is none. */
export function pngDpi(png: Uint8Array): number | null {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let at = 8; at + 8 <= png.length;) {
    const len = v.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type === 'pHYs') return v.getUint8(at + 16) === 1 ? Math.round(v.getUint32(at + 8) * 0.0254) : null;
    if (type === 'IDAT') return null;
    at += 12 + len;
  }
  return null;
}

export function withDpi(png: Uint8Array, dpi: number): Uint8Array<ArrayBuffer> {
  pngSize(png);
  const ihdrEnd = 8 + 12 + new DataView(png.buffer, png.byteOffset).getUint32(8);
  const chunk = new Uint8Array(21);
  const v = new DataView(chunk.buffer);
  v.setUint32(0, 9);
  chunk.set([112, 72, 89, 115], 4); // "pHYs"
  const ppm = Math.round(dpi / 0.0254);
  v.setUint32(8, ppm);
  v.setUint32(12, ppm);
  v.setUint8(16, 1); // unit: metre
  v.setUint32(17, crc32(chunk.subarray(4, 17)));
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, ihdrEnd), 0);
  out.set(chunk, ihdrEnd);
  out.set(png.subarray(ihdrEnd), ihdrEnd + chunk.length);
  return out;
}
