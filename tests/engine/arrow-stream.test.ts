import { describe, expect, it } from 'vitest';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { isArrowStream } from '../../src/engine/arrow-stream.ts';

describe('isArrowStream', () => {
  const stream = tableToIPC(tableFromArrays({ municipality_id: ['1286', '1861'], value: Float64Array.from([82, 66]) }), 'stream');

  it('takes a whole IPC stream as apache-arrow writes it', () => {
    expect(isArrowStream(stream)).toBe(true);
  });

  it('refuses a stream cut short, an HTML error page, a CSV piece and the IPC file format', () => {
    expect(isArrowStream(stream.slice(0, stream.byteLength - 8))).toBe(false);
    expect(isArrowStream(stream.slice(0, stream.byteLength >> 1))).toBe(false);
    expect(isArrowStream(new TextEncoder().encode('<!doctype html><title>404</title>'.repeat(4)))).toBe(false);
    expect(isArrowStream(new TextEncoder().encode('municipality_id,period,gender,value,status\n1286,2021,T,92,\n'))).toBe(false);
    expect(isArrowStream(tableToIPC(tableFromArrays({ a: [1, 2] }), 'file'))).toBe(false);
    expect(isArrowStream(new Uint8Array(0))).toBe(false);
  });
});
