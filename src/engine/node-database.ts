import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Database, Row, SqlParam } from './database.ts';

export interface NodeDatabaseOptions {
  /** Directories where SQL file names such as read_csv('values.csv') are looked up. */
  searchPath?: string[];
  threads?: number;
}

/** Native DuckDB behind the Database interface: build-time loaders, scripts and node tests. */
export async function openNodeDatabase(options: NodeDatabaseOptions = {}): Promise<Database> {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(options.threads ?? 2) });
  const connection = await instance.connect();
  const scratch = mkdtempSync(join(tmpdir(), 'jamfor-db-'));
  const searchPath = [scratch, ...(options.searchPath ?? []).map((d) => resolve(d))];
  await connection.run(`SET file_search_path = '${searchPath.join(',').replaceAll("'", "''")}'`);

  // One statement at a time, in the order asked, as the wasm worker answers: a connection has one
  // pending result, and a statement started while another was under way failed now and then ("closed
  // pending query result"). Closing the native instance while a statement or an appender still worked
  // on it crashed the process (a segmentation fault, seen when a test closed a database that was taking
  // in a piece): close waits its turn too, and work asked for after close is refused in JavaScript.
  let tail: Promise<unknown> = Promise.resolve();
  let closing: Promise<void> | null = null;
  function guarded<T>(work: () => Promise<T>): Promise<T> {
    if (closing) return Promise.reject(new Error('Databasen är stängd.'));
    const p = tail.then(work, work);
    tail = p.catch(() => {});
    return p;
  }

  return {
    query<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []) {
      return guarded(async () => {
        const reader = await connection.runAndReadAll(sql, params.length ? (params as DuckDBValue[]) : undefined);
        return reader.getRowObjectsJS().map(plainRow) as T[];
      });
    },
    exec(sql: string) {
      return guarded(async () => void (await connection.run(sql)));
    },
    registerFile(name: string, bytes: Uint8Array) {
      return guarded(async () => writeFileSync(join(scratch, name), bytes));
    },
    insertArrow(table: string, ipc: Uint8Array) {
      return guarded(() => insertArrowRows(connection, table, ipc));
    },
    exportCsv(select: string) {
      return guarded(async () => {
        const out = join(scratch, `export-${Date.now()}-${Math.random().toString(36).slice(2)}.csv`);
        await connection.run(`COPY (${select}) TO '${out.replaceAll("'", "''")}' (FORMAT csv, HEADER true)`);
        try {
          return new Uint8Array(readFileSync(out));
        } finally {
          rmSync(out, { force: true });
        }
      });
    },
    close() {
      closing ??= tail.then(() => {
        connection.closeSync();
        instance.closeSync();
        rmSync(scratch, { recursive: true, force: true });
      });
      return closing;
    },
  };
}

/**
 * Native DuckDB reads no Arrow here without an extension download, so the stream is decoded with
 * apache-arrow and appended row by row: enough for tests and build checks, not for bulk loads.
 */
async function insertArrowRows(connection: DuckDBConnection, table: string, ipc: Uint8Array): Promise<void> {
  const { tableFromIPC, DataType } = await import('apache-arrow');
  const data = tableFromIPC(ipc);
  const kinds = data.schema.fields.map((f) => {
    const t = DataType.isDictionary(f.type) ? f.type.dictionary : f.type;
    if (DataType.isUtf8(t) || DataType.isLargeUtf8(t)) return 'VARCHAR';
    if (DataType.isFloat(t) || DataType.isInt(t) || DataType.isNull(t)) return 'DOUBLE';
    if (DataType.isBool(t)) return 'BOOLEAN';
    throw new Error(`Arrow-typen ${String(t)} i kolumnen ${f.name} stöds inte`);
  });
  const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
  await connection.run(`CREATE TABLE ${ident(table)} (${data.schema.fields.map((f, i) => `${ident(f.name)} ${kinds[i]}`).join(', ')})`);
  const appender = await connection.createAppender(table);
  const columns = data.schema.fields.map((_, i) => data.getChildAt(i)!);
  for (let r = 0; r < data.numRows; r++) {
    for (let c = 0; c < columns.length; c++) {
      const v: unknown = columns[c].get(r);
      if (v === null || v === undefined) appender.appendNull();
      else if (kinds[c] === 'VARCHAR') appender.appendVarchar(String(v));
      else if (kinds[c] === 'BOOLEAN') appender.appendBoolean(Boolean(v));
      else appender.appendDouble(Number(v));
    }
    appender.endRow();
  }
  appender.closeSync();
}

function plainRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'bigint' ? Number(v) : v;
  return out;
}
