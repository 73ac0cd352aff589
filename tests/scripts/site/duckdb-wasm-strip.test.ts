import { describe, expect, it } from 'vitest';
import { stripExports } from '../../../scripts/site/duckdb-wasm-strip.ts';
import { WASM_HEADER, funcExport, name, section } from '../../support/wasm-bytes.ts';

const body = (...code: number[]) => [code.length + 1, 0x00, ...code];

/** Imports env.f; exports a (calls an inner function returning 7), b (returns 8) and c (calls env.f). */
function tinyModule(): Uint8Array {
  return new Uint8Array([
    ...WASM_HEADER,
    ...section(1, [1, 0x60, 0, 1, 0x7f]),
    ...section(2, [1, ...name('env'), ...name('f'), 0x00, 0]),
    ...section(3, [4, 0, 0, 0, 0]),
    ...section(7, [3, ...funcExport('a', 1), ...funcExport('b', 3), ...funcExport('c', 4)]),
    ...section(10, [4, ...body(0x10, 2, 0x0b), ...body(0x41, 7, 0x0b), ...body(0x41, 8, 0x0b), ...body(0x10, 0, 0x0b)]),
  ]);
}

describe('stripExports', () => {
  it('keeps the listed exports working and drops what only the others reached, imports included', async () => {
    const before = new WebAssembly.Module(tinyModule() as Uint8Array<ArrayBuffer>);
    expect(WebAssembly.Module.imports(before).map((i) => i.name)).toEqual(['f']);

    const stripped = await stripExports(tinyModule(), ['a']);
    const module = new WebAssembly.Module(stripped as Uint8Array<ArrayBuffer>);
    expect(WebAssembly.Module.exports(module).map((e) => e.name)).toEqual(['a']);
    expect(WebAssembly.Module.imports(module)).toEqual([]);
    const { a } = new WebAssembly.Instance(module).exports as { a: () => number };
    expect(a()).toBe(7);
    expect(stripped.length).toBeLessThan(tinyModule().length);
  });

  it('keeps everything when every export is listed', async () => {
    const stripped = await stripExports(tinyModule(), ['a', 'b', 'c']);
    const module = new WebAssembly.Module(stripped as Uint8Array<ArrayBuffer>);
    expect(WebAssembly.Module.exports(module).map((e) => e.name)).toEqual(['a', 'b', 'c']);
    const { b, c } = new WebAssembly.Instance(module, { env: { f: () => 5 } }).exports as Record<string, () => number>;
    expect([b(), c()]).toEqual([8, 5]);
  });
});
