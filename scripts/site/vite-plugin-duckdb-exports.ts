import { basename } from 'node:path';
import type { Plugin } from 'vite';
import { DUCKDB_WASM, installedGlueExports } from './duckdb-glue-exports.ts';
import { strippedDuckdbWasmFile } from './duckdb-wasm-strip.ts';
import { exportsFileOf } from '../../src/engine/wasm-exports-file.ts';

/** How the browser engine imports the wasm's URL (src/engine/browser-engine.ts). */
const WASM_URL_IMPORT = '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';

/**
 * Serves the list of DuckDB wasm exports the worker keeps (duckdb-glue-exports.ts) beside the wasm:
 * `assets/duckdb-eh-<hash>.exports.json` in the build, `…/duckdb-eh.exports.json` in dev. Without
 * it the engine still starts, only slower (the worker then keeps every export).
 *
 * The build also ships the wasm itself stripped to those exports (duckdb-wasm-strip.ts): 24 MB instead
 * of 34. Its `?url` import resolves to the stripped file, so the asset's name hashes the bytes served.
 * Dev serves the installed file, which the list alone makes as quick to start.
 */
export function duckdbExports(): Plugin {
  // worked out once per build (it compiles the 34 MB module): for the list served and the stripped wasm
  let names: string[] | undefined;
  const keep = () => (names ??= installedGlueExports());
  const list = () => JSON.stringify(keep());
  const served = exportsFileOf(basename(DUCKDB_WASM));
  return {
    name: 'jamfor-duckdb-exports',
    enforce: 'pre', // the wasm's import is resolved here before Vite's own resolver
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!req.url?.split('?')[0].endsWith(`/${served}`)) return next();
        res.setHeader('content-type', 'application/json');
        res.end(list());
      });
    },
    async resolveId(source) {
      if (this.environment?.mode !== 'build' || source !== WASM_URL_IMPORT) return null;
      return `${await strippedDuckdbWasmFile(keep())}?url`;
    },
    generateBundle(options, bundle) {
      if (this.environment?.config.build.ssr || options.format === 'cjs') return;
      for (const file of Object.keys(bundle))
        if (/(^|\/)duckdb-eh-[^/]*\.wasm$/.test(file)) this.emitFile({ type: 'asset', fileName: exportsFileOf(file), source: list() });
    },
  };
}
