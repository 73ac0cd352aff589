import type { Database, Row, SqlParam } from './database.ts';

export interface WasmDatabase extends Database {
  /** Rejects when the worker dies (crash, out of memory). */
  readonly died: Promise<never>;
  /** Terminates the worker as a crash would (used by the resilience tests). */
  kill(): void;
  /** The DuckDB-wasm handle itself, for the bench's layout comparison (Arrow, attached files). */
  readonly duckdb: import('@duckdb/duckdb-wasm').AsyncDuckDB;
}

/**
 * DuckDB-wasm behind the Database interface. Browser only: the module is imported dynamically so
 * SSR and build scripts never load it. The eh bundle and its classic worker are self-hosted through
 * Vite `?url` imports; nothing is fetched from another origin.
 */
const START_TIMEOUT_MS = 120_000;

export async function openWasmDatabase(): Promise<WasmDatabase> {
  const [duckdb, { default: wasmUrl }, { default: workerUrl }] = await Promise.all([
    import('@duckdb/duckdb-wasm'),
    import('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'),
    import('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'),
  ]);
  // The worker swallows a failed wasm download and never settles, so check reachability first.
  const probe = await fetch(wasmUrl, { method: 'HEAD' }).catch(() => null);
  if (!probe?.ok) throw new Error(`databasmotorn kunde inte hämtas${probe ? ` (${probe.status})` : ' (nätverksfel)'}`);
  const worker = new Worker(workerUrl);
  let die: (e: Error) => void = () => {};
  const died = new Promise<never>((_, reject) => (die = reject));
  died.catch(() => {});
  worker.addEventListener('error', (e) => die(new Error(e.message || 'DuckDB-arbetaren avslutades oväntat')));
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await Promise.race([
    db.instantiate(wasmUrl),
    died,
    new Promise((_, reject) => setTimeout(() => reject(new Error('databasmotorn startade inte inom två minuter')), START_TIMEOUT_MS)),
  ]);
  const conn = await db.connect();
  const race = <T>(p: Promise<T>) => Promise.race([p, died]);

  return {
    died,
    duckdb: db,
    kill() {
      worker.terminate();
      die(new Error('DuckDB-arbetaren avslutades oväntat'));
    },
    async query<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []) {
      let table;
      if (params.length) {
        const stmt = await race(conn.prepare(sql));
        try {
          table = await race(stmt.query(...params));
        } finally {
          await stmt.close().catch(() => {});
        }
      } else {
        table = await race(conn.query(sql));
      }
      return table.toArray().map((r: { toJSON(): Record<string, unknown> }) => plainRow(r.toJSON())) as T[];
    },
    async exec(sql: string) {
      await race(conn.query(sql));
    },
    async registerFile(name: string, bytes: Uint8Array) {
      await race(db.registerFileBuffer(name, bytes));
    },
    async exportCsv(select: string) {
      const name = `export-${Date.now()}-${Math.random().toString(36).slice(2)}.csv`;
      await race(db.registerEmptyFileBuffer(name));
      try {
        await race(conn.query(`COPY (${select}) TO '${name}' (FORMAT csv, HEADER true)`));
        return await race(db.copyFileToBuffer(name));
      } finally {
        await db.dropFile(name).catch(() => {});
      }
    },
    async close() {
      await conn.close().catch(() => {});
      await db.terminate().catch(() => {});
    },
  };
}

function plainRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'bigint' ? Number(v) : v;
  return out;
}
