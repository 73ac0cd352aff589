import type { Database } from './database.ts';
import { createValuesTableSql } from '../data/schema.ts';

/** Starts DuckDB-wasm and loads the site's values; called lazily by the coordinator on first need. */
export async function openBrowserEngine(dataUrl: string, fetchImpl: typeof fetch = fetch): Promise<Database> {
  const { openWasmDatabase } = await import('./wasm-database.ts');
  const [db, bytes] = await Promise.all([
    openWasmDatabase(),
    fetchImpl(new URL('values.csv', dataUrl)).then((r) => {
      if (!r.ok) throw new Error(`Kunde inte hämta värdena (${r.status} ${r.statusText})`);
      return r.arrayBuffer();
    }),
  ]);
  await db.registerFile('values.csv', new Uint8Array(bytes));
  await db.exec(createValuesTableSql('values.csv'));
  return db;
}
