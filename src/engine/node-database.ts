import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
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

function plainRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'bigint' ? Number(v) : v;
  return out;
}
