/**
 * The performance budgets from issue 8 and their comparison with a measurement. `max` budgets pass
 * at or below the limit, `min` budgets at or above it.
 */
export interface Budget {
  id: string;
  label: string;
  kind: 'max' | 'min';
  limit: number;
  unit: 'ms' | 'kB' | '×' | 's';
}

export const BUDGETS: Budget[] = [
  { id: 'firstChartMs', label: 'First chart painted, cold, localhost', kind: 'max', limit: 300, unit: 'ms' },
  { id: 'firstChartSpeedup', label: 'First chart vs wait-for-DuckDB baseline', kind: 'min', limit: 4, unit: '×' },
  { id: 'bytesBeforeChartGzipKb', label: 'Bytes before first chart (gzip)', kind: 'max', limit: 150, unit: 'kB' },
  { id: 'duckdbInteractiveMs', label: 'DuckDB ready + first interactive query', kind: 'max', limit: 1000, unit: 'ms' },
  { id: 'interactionP95Ms', label: 'Interaction p95, slowest change kind, real data', kind: 'max', limit: 30, unit: 'ms' },
  { id: 'interactionP95At3MMs', label: 'Query p95 at 3 M rows (wasm)', kind: 'max', limit: 100, unit: 'ms' },
  { id: 'ingestVsNative', label: 'Ingest rows/s vs native (3 M rows, median of runs)', kind: 'min', limit: 0.9, unit: '×' },
  // issue 12: the site built on all 2,008 KPIs (kolada-full)
  { id: 'fullFirstChartMs', label: 'Full data: first chart painted, cold', kind: 'max', limit: 300, unit: 'ms' },
  { id: 'fullFirstChartSpeedup', label: 'Full data: first chart vs wait-for-DuckDB baseline', kind: 'min', limit: 4, unit: '×' },
  { id: 'fullDefaultPanelKb', label: 'Full data: bytes for the default panels beyond the wasm', kind: 'max', limit: 1500, unit: 'kB' },
  { id: 'fullDuckdbInteractiveMs', label: 'Full data: DuckDB ready + first interactive query', kind: 'max', limit: 1000, unit: 'ms' },
  { id: 'fullSearchPickP95Ms', label: 'Full data: KPI picked in search → chart drawn, p95 warm', kind: 'max', limit: 300, unit: 'ms' },
  { id: 'fullInteractionP95Ms', label: 'Full data: interaction p95, slowest change kind', kind: 'max', limit: 30, unit: 'ms' },
  { id: 'fullBuildS', label: 'Full data: npm run build', kind: 'max', limit: 300, unit: 's' },
];

export interface BudgetResult {
  budget: Budget;
  /** null when the measurement could not be taken (reported as MISS) */
  measured: number | null;
  pass: boolean;
  /** how far from the limit: measured/limit for max budgets, limit/measured for min budgets (>1 = missed) */
  factor: number | null;
  /** signed distance from the limit in the budget's unit; positive = worse than the limit */
  over: number | null;
}

export function compareBudget(budget: Budget, measured: number | null | undefined): BudgetResult {
  if (measured === null || measured === undefined || !Number.isFinite(measured)) {
    return { budget, measured: null, pass: false, factor: null, over: null };
  }
  const pass = budget.kind === 'max' ? measured <= budget.limit : measured >= budget.limit;
  const over = budget.kind === 'max' ? measured - budget.limit : budget.limit - measured;
  const factor = budget.kind === 'max' ? measured / budget.limit : measured === 0 ? Infinity : budget.limit / measured;
  return { budget, measured, pass, factor, over };
}

export function compareAll(measured: Record<string, number | null | undefined>): BudgetResult[] {
  return BUDGETS.map((b) => compareBudget(b, measured[b.id]));
}
