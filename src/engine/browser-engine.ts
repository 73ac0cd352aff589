import type { Database } from './database.ts';

/**
 * Starts DuckDB-wasm with no data; the core adds the values piece by piece as queries need them
 * (core/value-pieces.ts). Called lazily by the coordinator on first need.
 */
export async function openBrowserEngine(): Promise<Database> {
  const { openWasmDatabase } = await import('./wasm-database.ts');
  return openWasmDatabase();
}
