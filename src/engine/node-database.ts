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

  return {
    async query<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []) {
      const reader = await connection.runAndReadAll(sql, params.length ? (params as DuckDBValue[]) : undefined);
      return reader.getRowObjectsJS().map(plainRow) as T[];
    },
    async exec(sql: string) {
      await connection.run(sql);
    },
    async registerFile(name: string, bytes: Uint8Array) {
      writeFileSync(join(scratch, name), bytes);
    },
    async insertArrow(table: string, ipc: Uint8Array) {
      await insertArrowRows(connection, table, ipc);
    },
    async exportCsv(select: string) {
      const out = join(scratch, `export-${Date.now()}-${Math.random().toString(36).slice(2)}.csv`);
      await connection.run(`COPY (${select}) TO '${out.replaceAll("'", "''")}' (FORMAT csv, HEADER true)`);
      try {
        return new Uint8Array(readFileSync(out));
      } finally {
        rmSync(out, { force: true });
      }
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(scratch, { recursive: true, force: true });
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
