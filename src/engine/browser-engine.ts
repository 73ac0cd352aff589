import type { Database } from './database.ts';

/** The name the site's values.csv is registered under (the core's loadValues write reads it). */
export const SITE_VALUES_FILE = 'values.csv';

/** Starts DuckDB-wasm and registers the site's values file; called lazily by the coordinator on first need. */
export async function openBrowserEngine(dataUrl: string, fetchImpl: typeof fetch = fetch): Promise<Database> {
  const { openWasmDatabase } = await import('./wasm-database.ts');
  const [db, bytes] = await Promise.all([
    openWasmDatabase(),
    fetchImpl(new URL('values.csv', dataUrl)).then((r) => {
      if (!r.ok) throw new Error(`Kunde inte hämta värdena (${r.status} ${r.statusText})`);
      return r.arrayBuffer();
    }),
  ]);
  await db.registerFile(SITE_VALUES_FILE, new Uint8Array(bytes));
  return db;
}
