/**
 * Prepared statements kept by their SQL text, the least recently used closed beyond `limit`. A
 * parameterised query in duckdb-wasm is three round trips to the worker (prepare, run, close), and
 * each waits for a free turn of the page's main thread; the panels of a page ask the same few
 * statements again and again, so a kept statement makes each of them one round trip.
 *
 * A statement is closed only when no query is using it. One whose run failed is dropped, so the next
 * query prepares it afresh.
 */
export interface Closable {
  close(): Promise<unknown>;
}

interface Entry<S> {
  statement: Promise<S>;
  users: number;
  dropped: boolean;
}

export class PreparedCache<S extends Closable> {
  private readonly entries = new Map<string, Entry<S>>();

  constructor(
    private readonly prepare: (sql: string) => Promise<S>,
    private readonly limit = 48,
    /** how a statement is closed (the engine races it against the worker's death) */
    private readonly close: (s: S) => Promise<unknown> = (s) => s.close(),
  ) {}

  get size(): number {
    return this.entries.size;
  }

  async use<T>(sql: string, run: (s: S) => Promise<T>): Promise<T> {
    let entry = this.entries.get(sql);
    if (entry) {
      this.entries.delete(sql); // most recently used last
      this.entries.set(sql, entry);
    } else {
      entry = { statement: this.prepare(sql), users: 0, dropped: false };
      this.entries.set(sql, entry);
      this.evict();
    }
    const e = entry;
    e.users++;
    try {
      return await run(await e.statement);
    } catch (err) {
      this.drop(sql, e);
      throw err;
    } finally {
      e.users--;
      if (e.dropped) this.release(e);
    }
  }

  /** Forgets every statement (closing those not in use); later queries prepare again. */
  clear(): void {
    for (const [sql, e] of [...this.entries]) this.drop(sql, e);
  }

  private evict(): void {
    for (const [sql, e] of this.entries) {
      if (this.entries.size <= this.limit) break;
      this.drop(sql, e);
    }
  }

  private drop(sql: string, e: Entry<S>): void {
    if (this.entries.get(sql) === e) this.entries.delete(sql);
    if (e.dropped) return;
    e.dropped = true;
    this.release(e);
  }

  private release(e: Entry<S>): void {
    if (e.users > 0) return;
    e.users = -1; // closed once
    e.statement.then((s) => this.close(s)).catch(() => {});
  }
}
