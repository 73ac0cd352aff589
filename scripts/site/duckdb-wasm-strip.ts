import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DUCKDB_WASM } from './duckdb-glue-exports.ts';

const require = createRequire(import.meta.url);
const CACHE = resolve(dirname(fileURLToPath(import.meta.url)), '../../.cache/duckdb-wasm');

/**
 * `wasm` exporting only `keep`, without the functions, globals and imports that nothing but the dropped
 * exports reached (binaryen's remove-unused-module-elements; everything else is left as it was).
 *
 * For duckdb-wasm, which exports every C++ symbol for side modules that cannot load here, this takes the
 * wasm from 34 to 24 MB: less to download, compile and instantiate before the engine answers.
 */
export async function stripExports(wasm: Uint8Array, keep: readonly string[]): Promise<Uint8Array> {
  const { default: binaryen } = await import('binaryen');
  const module = binaryen.readBinary(wasm);
  try {
    const F = binaryen.Features;
    // what Emscripten's output for duckdb-wasm's eh build uses (wasm exceptions among them)
    module.setFeatures(F.MutableGlobals | F.SignExt | F.BulkMemory | F.NontrappingFPToInt | F.ExceptionHandling);
    const kept = new Set(keep);
    const names = Array.from({ length: module.getNumExports() }, (_, i) => binaryen.getExportInfo(module.getExportByIndex(i)).name);
    for (const name of names) if (!kept.has(name)) module.removeExport(name);
    module.runPasses(['remove-unused-module-elements']);
    if (!module.validate()) throw new Error('binaryen: the stripped DuckDB wasm does not validate');
    return module.emitBinary();
  } finally {
    module.dispose();
  }
}

/**
 * The installed duckdb-wasm's eh module exporting only `keep` (its glueExports), as a file:
 * `.cache/duckdb-wasm/<key>/duckdb-eh.wasm`, keyed by the input, the list and binaryen's version.
 * The first build pays ~12 s, later builds find the file.
 */
export async function strippedDuckdbWasmFile(keep: readonly string[]): Promise<string> {
  const wasm = readFileSync(DUCKDB_WASM);
  const binaryenVersion = (require('binaryen/package.json') as { version: string }).version;
  const key = createHash('sha256').update(wasm).update(JSON.stringify(keep)).update(binaryenVersion).digest('hex').slice(0, 16);
  const file = join(CACHE, key, basename(DUCKDB_WASM));
  if (existsSync(file)) return file;
  const stripped = await stripExports(wasm, keep);
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, stripped);
  renameSync(partial, file); // builds running side by side never read half a file
  return file;
}
