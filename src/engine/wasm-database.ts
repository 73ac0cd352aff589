import { isArrowStream } from './arrow-stream.ts';
import type { Database, Row, SqlParam } from './database.ts';
import { DIED_MESSAGE, type EngineWorker } from './worker-life.ts';
import { arrowRows } from './arrow-rows.ts';
import { PreparedCache } from './prepared-cache.ts';

export interface WasmDatabase extends Database {
  /** Rejects when the worker dies (crash, out of memory, terminated), with or without an error event. */
  readonly died: Promise<never>;
  /** Terminates the worker as a crash would (used by the resilience tests). */
  kill(): void;
  /** The DuckDB-wasm handle itself, for the bench's layout comparison (Arrow, attached files). */
  readonly duckdb: import('@duckdb/duckdb-wasm').AsyncDuckDB;
}

/**
 * DuckDB-wasm behind the Database interface. Browser only: the library is imported dynamically so
 * SSR and build scripts never load it. The eh bundle and its classic worker are self-hosted
 * (browser-engine.ts); nothing is fetched from another origin.
 *
 * Every call to the worker is raced against its death, cleanup calls included: a request to a dead
 * worker is never answered, so an un-raced `await` would hang the caller (and its busy UI) forever.
 */
const START_TIMEOUT_MS = 120_000;

/** Opens DuckDB on a worker started by startEngineWorker (its wasm may already be compiling). */
export async function openWasmDatabase(life: EngineWorker, wasmUrl: string): Promise<WasmDatabase> {
  const { worker, died } = life;
  let duckdb: typeof import('@duckdb/duckdb-wasm');
  try {
    duckdb = await Promise.race([import('@duckdb/duckdb-wasm'), died]);
  } catch (e) {
    life.end();
    throw e;
  }
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  // A call on a terminated worker fails with duckdb-wasm's own text (and the whole message it tried to send):
  // report it as the worker's death instead, so users and the console see one plain cause.
  // A call on a dead or closed worker is refused here: duckdb-wasm would log the whole message (a
  // value piece's bytes) to the console and answer with nothing.
  const race = <T>(call: () => Promise<T>) =>
    (life.gone ? Promise.reject(new Error(DIED_MESSAGE)) : Promise.race([call(), died])).catch((e: unknown) => {
      if (e instanceof Error && /worker is not set/.test(e.message)) {
        const dead = new Error(DIED_MESSAGE);
        life.die(dead);
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
      db.instantiate(wasmUrl),
      died,
      new Promise((_, reject) => setTimeout(() => reject(new Error('databasmotorn startade inte inom två minuter')), START_TIMEOUT_MS)),
    ]);
    await life.watching;
  } catch (e) {
    life.end();
    throw e;
  }
  const conn = await race(() => db.connect());
  const prepared = new PreparedCache(
    (sql) => race(() => conn.prepare(sql)),
    48,
    (stmt) => settle(() => stmt.close()),
  );

  return {
    died,
    duckdb: db,
    kill() {
      worker.terminate();
      life.die(new Error(DIED_MESSAGE));
    },
    async query<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []) {
      const table = params.length
        ? await prepared.use(sql, (stmt) => race(() => stmt.query(...params)))
        : await race(() => conn.query(sql));
      return arrowRows(table) as T[];
    },
    async exec(sql: string) {
      await race(() => conn.query(sql));
    },
    async registerFile(name: string, bytes: Uint8Array) {
      await race(() => db.registerFileBuffer(name, bytes));
    },
    async insertArrow(table: string, ipc: Uint8Array) {
      if (!isArrowStream(ipc)) throw new Error('inte en Arrow-ström');
      // A stream DuckDB cannot finish leaves its connection waiting for the rest, and every later
      // insert on that connection is silently lost: each stream gets a connection of its own.
      const own = await race(() => db.connect());
      try {
        await race(() => own.insertArrowFromIPCStream(ipc, { name: table, create: true }));
      } finally {
        void settle(() => own.close());
      }
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
      prepared.clear();
      life.stop();
      if (!life.gone) {
        await settle(() => conn.close());
        await settle(() => db.terminate());
      }
      life.end();
    },
  };
}
