import type { Database } from '../engine/database.ts';
import { queryPanelSeries } from './panel-series.ts';
import { queryRanking } from './ranking.ts';
import { queryBreakdown } from './breakdown.ts';
import { queryMemberValues } from './member-values.ts';
import { queryChangeSpread } from './change-spread.ts';

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
