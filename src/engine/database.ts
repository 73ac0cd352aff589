/**
 * The one interface every query goes through. Implemented by the DuckDB-wasm connector in the
 * browser (wasm-database.ts) and by @duckdb/node-api in build scripts and tests (node-database.ts),
 * so the same SQL runs in both.
 */
export type SqlParam = string | number | boolean | null;
export type Row = Record<string, unknown>;

export interface Database {
  /** Runs one statement with `?` placeholders and returns plain JS rows (numbers, strings, null). */
  query<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  /** Runs statements without results (DDL, INSERT …). */
  exec(sql: string): Promise<void>;
  /** Makes bytes readable by SQL under `name` (e.g. read_csv('values.csv')). */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  /** Creates table `table` from an Arrow IPC stream (a value piece); the bytes may be detached afterwards. */
  insertArrow(table: string, ipc: Uint8Array): Promise<void>;
  /** Runs a SELECT and returns its rows as CSV bytes with a header (COPY … TO), e.g. to store imported rows. */
  exportCsv?(select: string): Promise<Uint8Array>;
  close(): Promise<void>;
  /** Makes the values a query request names available before it runs (lazy value pieces); absent when all are loaded. */
  prepare?(request: unknown): Promise<void>;
  /** Rejects if the engine dies underneath (worker crash, out of memory); absent for engines that cannot. */
  readonly died?: Promise<never>;
}

/** Quotes a string as a SQL literal; for identifiers and file names that cannot be parameters. */
export function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

export function sqlIdent(s: string): string {
  return `"${s.replaceAll('"', '""')}"`;
}
