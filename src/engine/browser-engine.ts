import type { Database } from './database.ts';
import { withValuePieces } from './value-pieces.ts';

/**
 * Starts DuckDB-wasm with an empty values table; each query then loads the value pieces it names
 * (value-pieces.ts). Called lazily by the coordinator on first need.
 */
export async function openBrowserEngine(dataUrl: string, fetchImpl: typeof fetch = fetch): Promise<Database> {
  const { openWasmDatabase } = await import('./wasm-database.ts');
  return withValuePieces(await openWasmDatabase(), dataUrl, fetchImpl);
}
