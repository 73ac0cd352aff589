import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DUCKDB_GLUE, DUCKDB_WASM, glueExports } from '../../../scripts/site/duckdb-glue-exports.ts';
import { exportsFileOf } from '../../../src/engine/wasm-exports-file.ts';
import { WASM_HEADER, funcExport, name, section } from '../../support/wasm-bytes.ts';

/** A module that imports `b` through its GOT and exports a, b, a C++ symbol and a dynCall_ trampoline. */
function tinyModule(): Uint8Array {
  return new Uint8Array([
    ...WASM_HEADER,
    ...section(1, [1, 0x60, 0, 0]),
    ...section(2, [1, ...name('GOT.func'), ...name('b'), 0x03, 0x7f, 0x01]),
    ...section(3, [3, 0, 0, 0]),
    ...section(7, [4, ...funcExport('a', 0), ...funcExport('b', 1), ...funcExport('_ZN6duckdb3fooEv', 2), ...funcExport('dynCall_vi', 2)]),
    ...section(10, [3, 2, 0, 0x0b, 2, 0, 0x0b, 2, 0, 0x0b]),
  ]);
}

describe('glueExports', () => {
  it('keeps what the JavaScript names, what the module takes through its GOT and the dynCall_ trampolines', () => {
    expect(glueExports(tinyModule(), 'var x = wasmExports.a; y = "c";')).toEqual(['a', 'b', 'dynCall_vi']);
    expect(glueExports(tinyModule(), '')).toEqual(['b', 'dynCall_vi']);
  });

  it('on the installed duckdb-wasm: a few hundred of its 75,011 exports, none of them C++ symbols', () => {
    const wasm = readFileSync(DUCKDB_WASM);
    const glue = readFileSync(DUCKDB_GLUE, 'utf8');
    const kept = glueExports(wasm, glue);
    const module = new WebAssembly.Module(wasm);
    const all = WebAssembly.Module.exports(module).map((e) => e.name);
    expect(all.length).toBeGreaterThan(50_000);
    expect(kept.length).toBeLessThan(1_000);
    expect(kept.filter((n) => n.startsWith('_Z'))).toEqual([]);
    // what duckdb-wasm calls and what its start-up needs
    for (const name of [
      'duckdb_web_open',
      'duckdb_web_query_run',
      'duckdb_web_insert_arrow_from_ipc_stream',
      'malloc',
      'free',
      '__wasm_call_ctors',
    ])
      expect(kept).toContain(name);
    expect(kept.filter((n) => n.startsWith('dynCall_')).length).toBeGreaterThan(10);
  });

  it('is served beside the wasm under the same name', () => {
    expect(exportsFileOf('assets/duckdb-eh-9ubY-jlA.wasm')).toBe('assets/duckdb-eh-9ubY-jlA.exports.json');
  });
});
