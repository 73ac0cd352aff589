import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { crc32, pngDpi, pngSize, withDpi } from '../../src/export/png-dpi.ts';

function chunk(type: string, data: Uint8Array): Buffer {
  const b = Buffer.alloc(12 + data.length);
  b.writeUInt32BE(data.length, 0);
  b.write(type, 4, 'ascii');
  Buffer.from(data).copy(b, 8);
  b.writeUInt32BE(crc32(new Uint8Array(b.subarray(4, 8 + data.length))), 8 + data.length);
  return b;
}
/** A tiny real PNG (3×2, white), built by hand. */
function png(): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(3, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc(2 * (1 + 9), 255);
  raw[0] = 0;
  raw[10] = 0;
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', new Uint8Array()),
    ]),
  );
}

describe('PNG resolution', () => {
  it('crc32 matches the known value', () => {
    expect(crc32(new TextEncoder().encode('IEND')).toString(16)).toBe('ae426082');
  });
  it('inserts a pHYs chunk after IHDR and keeps the image', () => {
    const src = png();
    expect(pngDpi(src)).toBeNull();
    const out = withDpi(src, 300);
    expect(pngSize(out)).toEqual({ width: 3, height: 2 });
    expect(pngDpi(out)).toBe(300);
    expect(out.length).toBe(src.length + 21);
    expect(Buffer.from(out.subarray(33 + 4, 33 + 8)).toString('ascii')).toBe('pHYs');
  });
});
