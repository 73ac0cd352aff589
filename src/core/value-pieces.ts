/**
 * Values fetched piece by piece: the browser engine starts with an empty `kpi_values` table and, before
 * each query, loads the pieces (one Arrow stream per KPI, src/data/value-pieces.ts) that the request names in
 * `kpi` or `kpis`. A loaded piece stays for the session; a failed one (404, network, truncated) rejects
 * only the queries that need it and is fetched again on the next try.
 *
 * Imported values ("egna data") live in the same table (user-values.ts). Base data is never replaced,
 * so when a piece arrives after an import, imported rows with the same key step back (applied = false).
 */
import { sqlString, type Database } from '../engine/database.ts';
import { CREATE_EMPTY_VALUES_SQL, T, USER_VALUES } from '../data/schema.ts';
import { PIECE_COLUMNS } from '../data/value-pieces.ts';
import { ensureUserValuesTable } from './user-values.ts';
import { PieceError, pieceStore, type PieceStore } from './piece-store.ts';
import type { KpiSlice } from '../queries/local/slice.ts';

export { PieceError, fetchPieceIndex } from './piece-store.ts';

export interface PiecewiseDatabase extends Database {
  prepare(request: unknown): Promise<void>;
  /**
   * The KPI's rows as the page holds them (kpi-index.ts), read from its piece in the page: no wait for
   * the engine to take the piece in. Only the base data: imported values are not in it. 'oversized':
   * more than maxRows rows (left to the engine).
   */
  pieceSlice(kpi: string, maxRows: number, turn?: () => Promise<void>): Promise<KpiSlice | 'oversized'>;
  /** KPI ids loaded so far (for tests and the bench) */
  readonly loaded: ReadonlySet<string>;
}

/** The KPI ids a query request names: its `kpi` and `kpis` fields. */
export function requestKpis(request: unknown): string[] {
  if (!request || typeof request !== 'object') return [];
  const r = request as { kpi?: unknown; kpis?: unknown };
  const out: string[] = [];
  if (typeof r.kpi === 'string') out.push(r.kpi);
  if (Array.isArray(r.kpis)) for (const k of r.kpis) if (typeof k === 'string') out.push(k);
  return out;
}

export interface ValuePiecesOptions {
  fetch?: typeof fetch;
  /** runs a function when the engine may take in a piece the page read for itself (default: at once) */
  feedWhen?: (f: () => void) => unknown;
}

/**
 * Wraps an engine so queries load their KPIs' pieces from `pieces` first; for `feedWhen` see takeNext.
 */
export async function withValuePieces(
  db: Database,
  pieces: string | PieceStore,
  { fetch: fetchImpl = fetch, feedWhen }: ValuePiecesOptions = {},
): Promise<PiecewiseDatabase> {
  await db.exec(CREATE_EMPTY_VALUES_SQL);
  const store = typeof pieces === 'string' ? pieceStore(pieces, fetchImpl) : pieces;
  const loaded = new Set<string>();
  const loading = new Map<string, Promise<void>>();
  let serial = 0;
  let dead = false;
  db.died?.catch(() => (dead = true));
  let writes: Promise<void> = Promise.resolve();

  async function load(kpi: string): Promise<void> {
    const shared = await store.body(kpi);
    if (!shared) return;
    const rows = (await store.index()).pieces[kpi][2];
    // the engine takes its own copy (handing bytes to the worker may detach them)
    const body = shared.slice();
    const table = `piece_${++serial}_${Math.random().toString(36).slice(2, 8)}`;
    // One piece at a time into the table: each insertion may be a transaction of its own.
    const turn = writes.then(async () => {
      try {
        await db.insertArrow(table, body);
        await addPiece(db, kpi, table, rows);
      } catch (e) {
        // e.g. bytes that are no Arrow stream, or one DuckDB took but could not finish (no table to insert from)
        if (dead || e instanceof PieceError) throw e;
        throw new PieceError(kpi, `Värdena för ${kpi} gick inte att läsa (${e instanceof Error ? e.message : String(e)}).`);
      } finally {
        dropLater(table);
      }
    });
    writes = turn.catch(() => {});
    await turn;
    loaded.add(kpi);
  }

  function ensure(kpi: string): Promise<void> {
    if (loaded.has(kpi)) return Promise.resolve();
    let p = loading.get(kpi);
    if (!p) {
      p = load(kpi).then(
        () => {},
        (e: unknown) => {
          store.failed(kpi);
          throw e;
        },
      );
      p = p.finally(() => loading.delete(kpi));
      loading.set(kpi, p);
    }
    return p;
  }

  // Pieces the page reads for itself go into the engine too (its SQL needs them), but behind what a
  // caller waits for: one at a time, and only while no statement or load of a caller is under way, so
  // a visitor's query waits behind one piece at most (a burst of read-ahead right after the engine
  // started put eight in front of the first query). Never inside a caller's transaction (an import):
  // its rollback would take the piece with it. Each one when `feedWhen` says: the worker taking a piece
  // in (and compiling DuckDB's code for it the first time) keeps a core busy for 10–150 ms, and on two
  // cores that made a visitor's change drawn in the page meanwhile take two to three times as long.
  let waitedFor = 0;
  let inTransaction = false;
  const behind: string[] = [];
  let taking = false;
  let feedAsked = false;
  function takeNext(): void {
    if (taking || feedAsked || waitedFor > 0 || inTransaction || dead || behind.length === 0) return;
    if (!feedWhen) return takeOne();
    feedAsked = true;
    feedWhen(() => {
      feedAsked = false;
      takeOne();
    });
  }
  function takeOne(): void {
    if (taking || waitedFor > 0 || inTransaction || dead) return;
    const kpi = behind.shift();
    if (kpi === undefined) return;
    if (loaded.has(kpi) || loading.has(kpi)) return takeOne();
    taking = true;
    ensure(kpi)
      .catch(() => {})
      .finally(() => {
        taking = false;
        takeNext();
      });
  }
  async function waited<T>(work: () => Promise<T>): Promise<T> {
    waitedFor++;
    try {
      return await work();
    } finally {
      waitedFor--;
      takeNext();
      dropSoon();
    }
  }

  // A piece's own table is dropped once the caller's statements are through: the worker answers in
  // order, so a drop sent at once went in front of the query the piece was loaded for (the first drop
  // compiles DuckDB's code for it: ~20 ms in the first query after engine start). A caller's next
  // statement follows its load within microtasks, so a timer turn later it is queued first.
  const drops: string[] = [];
  let dropTimer: ReturnType<typeof setTimeout> | undefined;
  function dropLater(table: string): void {
    drops.push(table);
    dropSoon();
  }
  function dropSoon(): void {
    if (dropTimer !== undefined || drops.length === 0) return;
    dropTimer = setTimeout(() => {
      dropTimer = undefined;
      if (dead || waitedFor > 0 || inTransaction) return; // the caller's waited() asks again when done
      const sql = drops.splice(0).map((t) => `DROP TABLE IF EXISTS ${t};`);
      void db.exec(sql.join(' ')).catch(() => {});
    }, 0);
  }

  return {
    ...db,
    loaded,
    close() {
      dead = true; // nothing more is fed in
      return db.close();
    },
    query: (sql, params) => waited(() => db.query(sql, params)),
    exec(sql) {
      if (/^\s*BEGIN\b/i.test(sql)) inTransaction = true;
      else if (/^\s*(COMMIT|ROLLBACK|END)\b/i.test(sql)) inTransaction = false;
      return waited(() => db.exec(sql));
    },
    async prepare(request: unknown) {
      await waited(() => Promise.all([...new Set(requestKpis(request))].map(ensure)));
    },
    async pieceSlice(kpi: string, maxRows: number, turn?: () => Promise<void>) {
      // a failure in the engine is left to the SQL queries that need the piece
      if (!loaded.has(kpi) && !loading.has(kpi) && !behind.includes(kpi)) behind.push(kpi);
      takeNext();
      return store.slice(kpi, maxRows, turn);
    },
  };
}

/**
 * Moves one piece from its own table into the values. The usual case is one statement: nothing of this
 * KPI in the table yet (no import) and every row there. Otherwise a transaction in which imported rows
 * with a key the piece has step back, or the error that says what is wrong with the piece.
 */
async function addPiece(db: Database, kpi: string, piece: string, rows: number): Promise<void> {
  const columns = `${sqlString(kpi)} AS kpi, ${PIECE_COLUMNS.map((c) => (c === 'value' ? 'CAST(value AS DOUBLE) AS value' : `CAST(${c} AS VARCHAR) AS ${c}`)).join(', ')}`;
  const source = `SELECT ${columns} FROM ${piece}`;
  if (rows > 0) {
    const [inserted] = await db.query<{ Count: number }>(
      `INSERT INTO ${T.values} ${source}
       WHERE (SELECT count(*) FROM ${piece}) = ${Number(rows)} AND NOT EXISTS (SELECT 1 FROM ${T.values} WHERE kpi = ${sqlString(kpi)})`,
    );
    if (Number(inserted?.Count) === rows) return;
  }
  await ensureUserValuesTable(db);
  const [{ n }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${piece}`);
  if (Number(n) !== rows) throw new PieceError(kpi, `Värdena för ${kpi} kom ofullständiga (${n} av ${rows} rader).`);
  const match = (a: string, b: string) =>
    `${a}.municipality_id = ${b}.municipality_id AND ${a}.period = ${b}.period AND ${a}.gender = ${b}.gender`;
  const [{ imported }] = await db.query<{ imported: number }>(`SELECT count(*) AS imported FROM ${T.values} WHERE kpi = ?`, [kpi]);
  // The usual case: nothing imported for this KPI, one INSERT (atomic on its own).
  if (Number(imported) === 0) return void (await db.exec(`INSERT INTO ${T.values} ${source}`));
  const typed = `piece_typed_${Math.random().toString(36).slice(2)}`;
  await db.exec(`CREATE TEMP TABLE ${typed} AS ${source}`);
  try {
    await db.exec('BEGIN TRANSACTION');
    try {
      // Every kpi_values row of this KPI so far came from an import: the piece was not loaded.
      await db.exec(
        `DELETE FROM ${T.values} b WHERE b.kpi = ${sqlString(kpi)} AND EXISTS (SELECT 1 FROM ${typed} p WHERE ${match('p', 'b')})`,
      );
      await db.exec(`UPDATE ${USER_VALUES} u SET applied = false, existing = p.value, existing_present = true
        FROM ${typed} p WHERE u.kpi = ${sqlString(kpi)} AND u.applied AND ${match('p', 'u')}`);
      await db.exec(`INSERT INTO ${T.values} SELECT * FROM ${typed}`);
      await db.exec('COMMIT');
    } catch (e) {
      await db.exec('ROLLBACK').catch(() => {});
      throw e;
    }
  } finally {
    await db.exec(`DROP TABLE IF EXISTS ${typed}`).catch(() => {});
  }
}
