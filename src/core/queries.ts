import type { Database } from '../engine/database.ts';
import { queryPanelSeries } from '../queries/panel-series.ts';
import { queryRanking } from '../queries/ranking.ts';
import { breakdownBatchKey, queryBreakdown, queryBreakdownBatch } from '../queries/breakdown.ts';
import { panelSeriesBatchKey, queryPanelSeriesBatch } from '../queries/panel-series-batch.ts';
import { memberValuesBatchKey, queryMemberValues, queryMemberValuesBatch } from '../queries/member-values.ts';
import { changeSpreadBatchKey, queryChangeSpread, queryChangeSpreadBatch } from '../queries/change-spread.ts';
import { queryImportedPeriods } from '../queries/imported-periods.ts';

/** Every query the app may run, by name; the coordinator runs them and the prerenderer snapshots them. */
export const queries = {
  panelSeries: queryPanelSeries,
  ranking: queryRanking,
  breakdown: queryBreakdown,
  memberValues: queryMemberValues,
  changeSpread: queryChangeSpread,
  importedPeriods: queryImportedPeriods,
} satisfies Record<string, (db: Database, request: never) => Promise<unknown>>;

export type QueryName = keyof typeof queries;
export type QueryRequest<N extends QueryName> = Parameters<(typeof queries)[N]>[1];
export type QueryResult<N extends QueryName> = Awaited<ReturnType<(typeof queries)[N]>>;

/**
 * Queries that can answer several requests in one statement. Requests with the same batch key that
 * arrive together (the panels of one page, in one render) are sent to the engine as one; each still
 * gets its own result, cached under its own key.
 */
export interface Batcher<N extends QueryName> {
  key(request: QueryRequest<N>): string;
  run(db: Database, requests: readonly QueryRequest<N>[]): Promise<QueryResult<N>[]>;
}

export const batchers: { [N in QueryName]?: Batcher<N> } = {
  panelSeries: { key: panelSeriesBatchKey, run: queryPanelSeriesBatch },
  memberValues: { key: memberValuesBatchKey, run: queryMemberValuesBatch },
  changeSpread: { key: changeSpreadBatchKey, run: queryChangeSpreadBatch },
  breakdown: { key: breakdownBatchKey, run: queryBreakdownBatch },
};
