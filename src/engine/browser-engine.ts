import wasmAsset from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerAsset from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Database } from './database.ts';
import { startEngineWorker } from './worker-life.ts';
import { exportsFileOf } from './wasm-exports-file.ts';

/**
 * Starts DuckDB-wasm with no data; the core adds the values piece by piece as queries need them
 * (core/value-pieces.ts). The worker, and with it the download and compile of the wasm, starts at
 * once; the library that drives it (wasm-database.ts and duckdb-wasm's page half) loads meanwhile.
 */
export async function openBrowserEngine(): Promise<Database> {
  const wasmUrl = new URL(wasmAsset, location.href).href;
  const exportsUrl = exportsFileOf(wasmUrl);
  const life = startEngineWorker({ workerUrl: new URL(workerAsset, location.href).href, wasmUrl, exportsUrl });
  const { openWasmDatabase } = await import('./wasm-database.ts').catch((e: unknown) => {
    life.end();
    throw e;
  });
  return openWasmDatabase(life, wasmUrl);
}
