import type { Database } from '../engine/database.ts';
import { queryPanelSeries } from '../queries/panel-series.ts';
import { queryRanking } from '../queries/ranking.ts';
import { queryBreakdown } from '../queries/breakdown.ts';
import { queryMemberValues } from '../queries/member-values.ts';
import { queryChangeSpread } from '../queries/change-spread.ts';

/** Every query the app may run, by name; the coordinator runs them and the prerenderer snapshots them. */
export const queries = {
  panelSeries: queryPanelSeries,
  ranking: queryRanking,
  breakdown: queryBreakdown,
  memberValues: queryMemberValues,
  changeSpread: queryChangeSpread,
} satisfies Record<string, (db: Database, request: never) => Promise<unknown>>;

export type QueryName = keyof typeof queries;
export type QueryRequest<N extends QueryName> = Parameters<(typeof queries)[N]>[1];
export type QueryResult<N extends QueryName> = Awaited<ReturnType<(typeof queries)[N]>>;
