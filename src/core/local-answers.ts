import type { KpiSlice } from '../queries/local/slice.ts';
import type { QueryName, QueryRequest, QueryResult } from './queries.ts';
import { panelSeriesFromSlice } from '../queries/local/panel-series.ts';
import { memberValuesFromSlice } from '../queries/local/member-values.ts';
import { changeSpreadFromSlice } from '../queries/local/change-spread.ts';
import { breakdownFromSlices } from '../queries/local/breakdown.ts';

/** A query the page can answer from KPIs it holds (kpi-index.ts): which KPIs it reads, and the answer from them. */
export interface LocalAnswer<N extends QueryName> {
  kpis(request: QueryRequest<N>): string[];
  answer(slices: ReadonlyMap<string, KpiSlice>, request: QueryRequest<N>): QueryResult<N>;
}

/** Every one gives exactly its SQL query's answer (tests/queries/local compares them on the real data). */
export const localAnswers: { [N in QueryName]?: LocalAnswer<N> } = {
  panelSeries: { kpis: (r) => [r.kpi], answer: (s, r) => panelSeriesFromSlice(s.get(r.kpi)!, r) },
  memberValues: { kpis: (r) => [r.kpi], answer: (s, r) => memberValuesFromSlice(s.get(r.kpi)!, r) },
  changeSpread: { kpis: (r) => [r.kpi], answer: (s, r) => changeSpreadFromSlice(s.get(r.kpi)!, r) },
  breakdown: { kpis: (r) => [...r.kpis], answer: breakdownFromSlices },
};
