import type { Database } from './database.ts';
import { fetchPieceIndex, withValuePieces } from './value-pieces.ts';

/**
 * Starts DuckDB-wasm with an empty values table; each query then loads the value pieces it names
 * (value-pieces.ts). Called lazily by the coordinator on first need.
 */
export async function openBrowserEngine(dataUrl: string, fetchImpl: typeof fetch = fetch): Promise<Database> {
  // The index of pieces is fetched while the engine starts; the pieces themselves when a query needs them.
  const index = fetchPieceIndex(dataUrl, fetchImpl);
  index.catch(() => {});
  const { openWasmDatabase } = await import('./wasm-database.ts');
  return withValuePieces(await openWasmDatabase(), dataUrl, fetchImpl, index);
}
