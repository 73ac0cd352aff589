import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The DuckDB wasm the site self-hosts and the worker script whose JavaScript drives it. */
export const DUCKDB_WASM = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm');
export const DUCKDB_GLUE = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js');

/**
 * The exports of DuckDB's wasm module that anything can reach, for the worker to hand to
 * duckdb-wasm's JavaScript instead of all of them (src/engine/worker-bootstrap.ts).
 *
 * duckdb-wasm is linked as an Emscripten MAIN_MODULE so that extensions can be loaded as side modules:
 * it exports every symbol (75,011: C++ functions by mangled name) and its start-up JavaScript walks all
 * of them (a global per symbol, a table slot per function; ~330 ms on this machine's cores). Only side
 * modules could use the rest, and none can load here (an extension is a download from another origin).
 * Kept: every export the JavaScript names (ccall targets, malloc, the C library it calls), the dynCall_
 * trampolines, which the JavaScript looks up by a name it builds from a signature, and any export the
 * module imports back through its own GOT (none in duckdb-wasm 1.32: its GOT imports are JavaScript's).
 */
export function glueExports(wasm: Uint8Array, glueSource: string): string[] {
  const module = new WebAssembly.Module(wasm as Uint8Array<ArrayBuffer>); // a file read by node, never shared memory
  const named = new Set(glueSource.match(/[A-Za-z_$][\w$]*/g));
  for (const i of WebAssembly.Module.imports(module)) if (i.module.startsWith('GOT.')) named.add(i.name);
  return WebAssembly.Module.exports(module)
    .map((e) => e.name)
    .filter((name) => named.has(name) || name.startsWith('dynCall_'))
    .sort();
}

/** glueExports for the installed duckdb-wasm. */
export function installedGlueExports(): string[] {
  return glueExports(readFileSync(DUCKDB_WASM), readFileSync(DUCKDB_GLUE, 'utf8'));
}
