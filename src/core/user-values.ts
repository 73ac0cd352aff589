/**
 * Imported ("egna data") values inside the engine.
 *
 * Every accepted row of every imported set is kept in `user_values` (with its set id). A row is also
 * copied into `kpi_values` – so every query, panel and ranking sees it – unless that key (kpi, kommun,
 * period, gender) is already there: base data (Kolada or the site's data) and earlier imports are never
 * replaced. Such rows stay in `user_values` with applied = false and are reported as "already present"
 * (same value) or "conflicting" (another value). Each import or removal runs in one transaction, so a
 * failure leaves all earlier data as it was.
 */
import { sqlString, type Database } from '../engine/database.ts';
import { CREATE_USER_VALUES_SQL, T, USER_VALUES } from '../data/schema.ts';

const KEY_MATCH = 'b.kpi = u.kpi AND b.municipality_id = u.municipality_id AND b.period = u.period AND b.gender = u.gender';

export interface IngestReport {
  /** rows read from the CSV */
  rows: number;
  /** rows added to kpi_values */
  added: number;
  /** rows whose key was already present with the same value */
  alreadyPresent: number;
  /** rows whose key was already present with another value (the existing value is kept) */
  conflicts: number;
  /** a few conflicting rows for the report */
  examples: { kpi: string; municipality_id: string; period: string; gender: string; value: number | null; existing: number | null }[];
}

export async function ensureUserValuesTable(db: Database): Promise<void> {
  await db.exec(CREATE_USER_VALUES_SQL);
}

/** Adds one set from contract values CSV bytes (values-csv.ts). All or nothing. */
export async function ingestUserSet(db: Database, setId: string, csv: Uint8Array): Promise<IngestReport> {
  const file = `egna-${setId.replace(/[^A-Za-z0-9_-]/g, '_')}.csv`;
  // The engine may take ownership of the buffer it is given (DuckDB-wasm transfers it); keep the caller's.
  await db.registerFile(file, csv.slice());
  try {
    return await ingestUserRows(
      db,
      setId,
      `SELECT kpi, municipality_id, period, gender, value, nullif(status, '') AS status
       FROM read_csv(${sqlString(file)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
         columns = {'kpi': 'VARCHAR', 'municipality_id': 'VARCHAR', 'period': 'VARCHAR', 'gender': 'VARCHAR', 'value': 'DOUBLE', 'status': 'VARCHAR'})`,
    );
  } finally {
    await db.registerFile(file, new Uint8Array(0)).catch(() => {});
  }
}

/**
 * Adds one set from any SELECT giving (kpi, municipality_id, period, gender, value DOUBLE, status),
 * e.g. the fast path's checked staging table (sql-long-csv.ts). All or nothing.
 */
export async function ingestUserRows(db: Database, setId: string, select: string): Promise<IngestReport> {
  await ensureUserValuesTable(db);
  // Base values of the set's KPIs must be in place first, so the report compares against them.
  if (db.prepare)
    await db.prepare({ kpis: (await db.query<{ kpi: string }>(`SELECT DISTINCT kpi FROM (${select})`)).map((r) => String(r.kpi)) });
  await db.exec('BEGIN TRANSACTION');
  try {
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${USER_VALUES} WHERE set_id = ?`, [setId]);
    if (Number(n) > 0) throw new Error(`Datamängden ${setId} finns redan.`);
    await db.query(
      `INSERT INTO ${USER_VALUES}
       SELECT ?, u.kpi, u.municipality_id, u.period, u.gender, u.value, u.status, b.kpi IS NULL, b.value, b.kpi IS NOT NULL
       FROM (${select}) u
       LEFT JOIN ${T.values} b ON ${KEY_MATCH}`,
      [setId],
    );
    await db.query(
      `INSERT INTO ${T.values} SELECT kpi, municipality_id, period, gender, value, status FROM ${USER_VALUES} WHERE set_id = ? AND applied`,
      [setId],
    );
    const [r] = await db.query<{ rows: number; added: number; same: number; conflicts: number }>(
      `SELECT count(*) AS rows, count(*) FILTER (WHERE applied) AS added,
         count(*) FILTER (WHERE NOT applied AND value IS NOT DISTINCT FROM existing) AS same,
         count(*) FILTER (WHERE NOT applied AND value IS DISTINCT FROM existing) AS conflicts
       FROM ${USER_VALUES} WHERE set_id = ?`,
      [setId],
    );
    const examples = await db.query<IngestReport['examples'][number]>(
      `SELECT kpi, municipality_id, period, gender, value, existing FROM ${USER_VALUES}
       WHERE set_id = ? AND NOT applied AND value IS DISTINCT FROM existing ORDER BY kpi, municipality_id, period, gender LIMIT 20`,
      [setId],
    );
    await db.exec('COMMIT');
    return { rows: Number(r.rows), added: Number(r.added), alreadyPresent: Number(r.same), conflicts: Number(r.conflicts), examples };
  } catch (e) {
    await db.exec('ROLLBACK').catch(() => {});
    throw e;
  }
}

/** One set's rows as contract values CSV (for the browser store), when the engine can export. */
export async function userSetCsv(db: Database, setId: string): Promise<Uint8Array | null> {
  if (!db.exportCsv) return null;
  return db.exportCsv(
    `SELECT kpi, municipality_id, period, gender, value, status FROM ${USER_VALUES} WHERE set_id = ${sqlString(setId)} ORDER BY rowid`,
  );
}

/** How many imported rows kpi_values holds (0: it holds the base data only, as the value pieces have it). */
export async function appliedUserRows(db: Database): Promise<number> {
  await ensureUserValuesTable(db);
  const [{ n }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${USER_VALUES} WHERE applied`);
  return Number(n);
}

/** Removes one set: its rows leave kpi_values (only those it added) and user_values. All or nothing. */
export async function removeUserSet(db: Database, setId: string): Promise<void> {
  await ensureUserValuesTable(db);
  await db.exec('BEGIN TRANSACTION');
  try {
    await db.query(
      `DELETE FROM ${T.values} b WHERE EXISTS (SELECT 1 FROM ${USER_VALUES} u WHERE u.set_id = ? AND u.applied AND ${KEY_MATCH})`,
      [setId],
    );
    await db.query(`DELETE FROM ${USER_VALUES} WHERE set_id = ?`, [setId]);
    await db.exec('COMMIT');
  } catch (e) {
    await db.exec('ROLLBACK').catch(() => {});
    throw e;
  }
}
