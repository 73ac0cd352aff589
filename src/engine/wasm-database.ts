import type { Database, Row, SqlParam } from './database.ts';
import { watchWorkerLife } from './worker-life.ts';

export interface WasmDatabase extends Database {
  /** Rejects when the worker dies (crash, out of memory, terminated), with or without an error event. */
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
 *
 * Every call to the worker is raced against its death, cleanup calls included: a request to a dead
 * worker is never answered, so an un-raced `await` would hang the caller (and its busy UI) forever.
 */
const START_TIMEOUT_MS = 120_000;
const DIED_MESSAGE = 'DuckDB-arbetaren avslutades oväntat';

export async function openWasmDatabase(): Promise<WasmDatabase> {
  const [duckdb, { default: wasmUrl }, { default: workerUrl }] = await Promise.all([
    import('@duckdb/duckdb-wasm'),
    import('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'),
    import('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'),
  ]);
  // The worker swallows a failed wasm download and never settles, so check reachability first.
  const probe = await fetch(wasmUrl, { method: 'HEAD' }).catch(() => null);
  if (!probe?.ok) throw new Error(`databasmotorn kunde inte hämtas${probe ? ` (${probe.status})` : ' (nätverksfel)'}`);
  let gone = false;
  let reject: (e: Error) => void = () => {};
  const died = new Promise<never>((_, r) => (reject = r));
  const die = (e: Error) => {
    gone = true;
    reject(e);
  };
  died.catch(() => {});
  const life = watchWorkerLife(new URL(workerUrl, location.href).href, () => die(new Error(DIED_MESSAGE)));
  const { worker } = life;
  worker.addEventListener('error', (e) => die(new Error(e.message || DIED_MESSAGE)));
  worker.addEventListener('messageerror', () => die(new Error(DIED_MESSAGE)));
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  // A call on a terminated worker fails with duckdb-wasm's own text (and the whole message it tried to send):
  // report it as the worker's death instead, so users and the console see one plain cause.
  // A call on a dead or closed worker is refused here: duckdb-wasm would log the whole message (a
  // value piece's bytes) to the console and answer with nothing.
  const race = <T>(call: () => Promise<T>) =>
    (gone ? Promise.reject(new Error(DIED_MESSAGE)) : Promise.race([call(), died])).catch((e: unknown) => {
      if (e instanceof Error && /worker is not set/.test(e.message)) {
        const dead = new Error(DIED_MESSAGE);
        die(dead);
        throw dead;
      }
      throw e;
    });
  /** Cleanup that must neither throw nor wait for a dead worker. */
  const settle = (call: () => Promise<unknown>) =>
    race(call).then(
      () => {},
      () => {},
    );
  try {
    await Promise.race([
      db.instantiate(new URL(wasmUrl, location.href).href),
      died,
      new Promise((_, reject) => setTimeout(() => reject(new Error('databasmotorn startade inte inom två minuter')), START_TIMEOUT_MS)),
    ]);
    await life.watching;
  } catch (e) {
    life.stop();
    worker.terminate();
    throw e;
  }
  const conn = await race(() => db.connect());

  return {
    died,
    duckdb: db,
    kill() {
      worker.terminate();
      die(new Error(DIED_MESSAGE));
    },
    async query<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []) {
      let table;
      if (params.length) {
        const stmt = await race(() => conn.prepare(sql));
        try {
          table = await race(() => stmt.query(...params));
        } finally {
          await settle(() => stmt.close());
        }
      } else {
        table = await race(() => conn.query(sql));
      }
      return table.toArray().map((r: { toJSON(): Record<string, unknown> }) => plainRow(r.toJSON())) as T[];
    },
    async exec(sql: string) {
      await race(() => conn.query(sql));
    },
    async registerFile(name: string, bytes: Uint8Array) {
      await race(() => db.registerFileBuffer(name, bytes));
    },
    async exportCsv(select: string) {
      const name = `export-${Date.now()}-${Math.random().toString(36).slice(2)}.csv`;
      await race(() => db.registerEmptyFileBuffer(name));
      try {
        await race(() => conn.query(`COPY (${select}) TO '${name}' (FORMAT csv, HEADER true)`));
        return await race(() => db.copyFileToBuffer(name));
      } finally {
        await settle(() => db.dropFile(name));
      }
    },
    async close() {
      life.stop();
      if (!gone) {
        await settle(() => conn.close());
        await settle(() => db.terminate());
      }
      gone = true;
      worker.terminate();
    },
  };
}

/** Plain rows: bigint → number; column names become own properties (fromEntries never sets a prototype). */
function plainRow(row: Record<string, unknown>): Row {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]));
}
