import type { Database } from '../engine/database.ts';
import { appliedUserRows, ingestUserRows, ingestUserSet, removeUserSet, userSetCsv, type IngestReport } from './user-values.ts';
import { acceptedRowsSelect, discardStaged, stageLongCsv, type StageProgress } from '../import/stage/sql-long-csv.ts';
import type { FastPlan } from '../import/parse/fast-path.ts';
import type { ImportContext } from '../import/parse/import-file.ts';
import type { KpiRename } from '../import/parse/values-csv.ts';

/**
 * Adds the staged, accepted rows as one set (all or nothing; see user-values.ts) with the user's KPI
 * ids, and returns the report and the set's rows as contract CSV for the browser store.
 */
export async function commitStaged(db: Database, setId: string, rename: KpiRename): Promise<{ report: IngestReport; csv: Uint8Array }> {
  const report = await ingestUserRows(db, setId, acceptedRowsSelect(rename));
  const csv = await userSetCsv(db, setId);
  if (!csv) throw new Error('Databasen kan inte skriva ut de inlästa raderna.');
  await discardStaged(db);
  return { report, csv };
}

/**
 * Every write the app may run, by name; the coordinator runs them (coordinator.write) and forgets its
 * cached results after those in CHANGES_DATA.
 */
export const writes = {
  /** one imported set from contract values CSV bytes */
  ingest: (db: Database, r: { setId: string; csv: Uint8Array }) => ingestUserSet(db, r.setId, r.csv),
  /** a big long CSV read and checked in staging tables (no visible data changes) */
  stage: (db: Database, r: { plan: Omit<FastPlan, 'bytes'>; bytes: Uint8Array; context: ImportContext; progress?: StageProgress }) =>
    stageLongCsv(db, r.plan, r.bytes, r.context, r.progress),
  /** the staged rows as one imported set */
  commitStaged: (db: Database, r: { setId: string; rename: KpiRename }) => commitStaged(db, r.setId, r.rename),
  discardStaged: (db: Database, _r: Record<string, never> = {}) => discardStaged(db),
  /** one imported set out of the engine; says whether only base data is left */
  remove: async (db: Database, r: { setId: string }): Promise<DataLeft> => {
    await removeUserSet(db, r.setId);
    return { baseOnly: (await appliedUserRows(db)) === 0 };
  },
  /** every given imported set out of the engine ("Återställ egna data"); a set that fails is skipped */
  reset: async (db: Database, r: { setIds: readonly string[] }): Promise<DataLeft> => {
    for (const id of r.setIds) await removeUserSet(db, id).catch(() => {});
    return { baseOnly: (await appliedUserRows(db)) === 0 };
  },
} satisfies Record<string, (db: Database, request: never) => Promise<unknown>>;

export type WriteName = keyof typeof writes;
export type WriteRequest<N extends WriteName> = Parameters<(typeof writes)[N]>[1];
export type WriteResult<N extends WriteName> = Awaited<ReturnType<(typeof writes)[N]>>;

/** What a removal leaves in the engine: `baseOnly` when no imported row is left (the page may read the value pieces itself again). */
export interface DataLeft {
  baseOnly: boolean;
}

/** Whether a write's result says the engine holds the base data only again. */
export const leavesBaseOnly = (result: unknown): boolean => (result as Partial<DataLeft> | null)?.baseOnly === true;

/** Writes that change what queries read; the coordinator clears its cache after each. */
export const CHANGES_DATA: ReadonlySet<WriteName> = new Set(['ingest', 'commitStaged', 'remove', 'reset']);

/** Runs one write on a database the coordinator does not own yet (engine start-up, before any query). */
export function runWrite<N extends WriteName>(db: Database, name: N, request: WriteRequest<N>): Promise<WriteResult<N>> {
  return (writes[name] as (db: Database, r: WriteRequest<N>) => Promise<WriteResult<N>>)(db, request);
}
