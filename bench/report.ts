import type { BudgetResult } from './budgets.ts';
import type { ColdSummary } from './cold-load.ts';
import type { InteractionResult } from './interaction.ts';
import type { NativeIngest, WasmIngest } from './ingest.ts';
import type { Distribution } from './stats.ts';
import { formatInteractionSplit, formatReading, formatThrottled } from './interaction-report.ts';
import type { FullDataResult } from './full-data.ts';

export interface IngestSize {
  rows: number;
  csvBytes: number;
  native: NativeIngest | null;
  wasm: WasmIngest;
}

export interface BenchResult {
  date: string;
  command: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryBytes: number;
    node: string;
    chromium: string;
    loadAvgStart: number[];
    loadAvgEnd: number[];
  };
  durationMs: number;
  buildMs: number | null;
  cold: ColdSummary;
  interaction: Omit<InteractionResult, 'steps'> & { steps: number };
  /** the same changes with the CPU throttled (an older laptop); absent when skipped */
  throttled?: (Omit<InteractionResult, 'steps'> & { steps: number }) | null;
  /** the same changes with a reading pause between them; absent when skipped */
  reading?: (Omit<InteractionResult, 'steps'> & { steps: number }) | null;
  ingest: IngestSize[];
  budgets: BudgetResult[];
  notes: Record<string, string>;
  /** the site built on all of Kolada (issue 12); absent when kolada-full is not beside the repo */
  full?: FullDataResult | null;
}

export const nf = (x: number, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
export const ms = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : `${nf(x, x < 100 ? 1 : 0)} ms`;
export const kb = (bytes: number | null | undefined) =>
  bytes === null || bytes === undefined || !Number.isFinite(bytes) ? '–' : `${nf(bytes / 1000, 1)} kB`;
export const mb = (bytes: number | null | undefined) =>
  bytes === null || bytes === undefined || !Number.isFinite(bytes) ? '–' : `${nf(bytes / 1e6, 1)} MB`;

export function formatValue(x: number | null, unit: string): string {
  if (x === null) return 'not measured';
  if (unit === 'ms') return ms(x);
  if (unit === '×') return `${nf(x, 2)}×`;
  if (unit === 's') return `${nf(x, 0)} s`;
  return `${nf(x, 1)} ${unit}`;
}

/** One line per budget: PASS/MISS, measured vs limit, and by how much it was missed. */
export function budgetLine(r: BudgetResult): string {
  const { budget: b } = r;
  const limit = `${b.kind === 'max' ? '≤' : '≥'} ${formatValue(b.limit, b.unit)}`;
  const verdict = r.pass ? 'PASS' : 'MISS';
  let by = '';
  if (!r.pass && r.over !== null && r.factor !== null) {
    by =
      b.kind === 'max'
        ? `over by ${formatValue(r.over, b.unit)} (${nf(r.factor, 1)}× the limit)`
        : `short by ${formatValue(r.over, b.unit)} (${nf(r.factor, 1)}× below)`;
  } else if (r.pass && r.over !== null) {
    by = `margin ${formatValue(-r.over, b.unit)}`;
  }
  return `| ${verdict} | ${b.label} | ${formatValue(r.measured, b.unit)} | ${limit} | ${by} |`;
}

export function budgetTable(results: BudgetResult[]): string {
  return ['| | Budget | Measured | Limit | |', '|---|---|---|---|---|', ...results.map(budgetLine)].join('\n');
}

const dist = (d: Distribution | null) => (d ? `${ms(d.p50)} / ${ms(d.p95)} / ${ms(d.max)} (n = ${d.n})` : '–');

export function formatReport(r: BenchResult): string {
  const c = r.cold;
  const i = r.interaction;
  const lines: string[] = [];
  lines.push(`# Jämför benchmark ${r.date}`, '');
  lines.push(
    `Command: \`${r.command}\` · total ${nf(r.durationMs / 1000, 0)} s${r.buildMs !== null ? ` (build ${nf(r.buildMs / 1000, 0)} s)` : ' (reused build)'}`,
  );
  lines.push(
    `Machine: ${r.machine.cpus} × ${r.machine.cpuModel}, ${nf(r.machine.memoryBytes / 2 ** 30, 0)} GiB, Node ${r.machine.node}, Chromium ${r.machine.chromium}; load average at start ${r.machine.loadAvgStart.map((x) => nf(x, 1)).join(' ')}, at end ${r.machine.loadAvgEnd.map((x) => nf(x, 1)).join(' ')} (the cores are shared, so timings carry that noise).`,
    '',
  );
  lines.push('## Budgets', '', budgetTable(r.budgets), '');
  const missed = r.budgets.filter((b) => !b.pass);
  if (missed.length) {
    lines.push('### Why the misses', '');
    for (const b of missed) lines.push(`- **${b.budget.label}**: ${r.notes[b.budget.id] ?? 'no measurement explains it yet.'}`);
    lines.push('');
  }
  lines.push('## Cold load (kommun page, empty cache, median of runs)', '');
  lines.push('| | first chart | FCP | LCP | bytes before first chart | requests |', '|---|---|---|---|---|---|');
  for (const enc of ['gzip', 'br'] as const) {
    const p = c.prerendered[enc];
    lines.push(
      `| prerendered, ${enc} | ${ms(p.firstChartMs)} | ${ms(p.fcpMs)} | ${ms(p.lcpMs)} | ${kb(p.bytesBeforeChart)} (body ${kb(p.bodyBytesBeforeChart)}) | ${p.requestsBeforeChart} |`,
    );
  }
  lines.push(`| baseline: no prerender, waits for DuckDB | ${ms(c.baselineFirstChartMs)} | | | | |`, '');
  lines.push(`Prerendered first chart is ${nf(c.speedup, 1)}× faster than the wait-for-DuckDB baseline.`, '');
  lines.push(
    `DuckDB: engine ready ${ms(c.engineReadyMs)}, first interactive query (a ranking, SQL in DuckDB) answered ${ms(c.interactiveQueryMs)} after navigation start; the wasm (${mb(c.wasmBytes)} on the wire, gzip) finished downloading at ${ms(c.wasmResponseEndMs)}, the index and value pieces (${mb(c.valuesBytes)}) at ${ms(c.valuesResponseEndMs)}.`,
    '',
  );
  lines.push('## Interaction latency (real data, engine warm)', '');
  lines.push(`${i.steps} scripted changes, input event → changed panel updated in the DOM and no panel busy. p50 / p95 / max:`, '');
  lines.push('| change | DOM updated |', '|---|---|');
  lines.push(`| all | ${dist(i.dom)} |`);
  for (const [t, d] of Object.entries(i.byType)) lines.push(`| ${t} | ${dist(d)} |`);
  lines.push(`| all, next frame rendered | ${dist(i.paint)} |`);
  lines.push(`| panelSeries query alone (wasm, uncached) | ${dist(i.queryOnly)} |`, '');
  lines.push(
    `DuckDB queries per change (mean): ${Object.entries(i.queriesByType)
      .map(([t, n]) => `${t} ${nf(n, 1)}`)
      .join(
        ', ',
      )}; the span from the first query's start to the last query's end covers ${nf(i.queryShare * 100, 0)} % of all change time.`,
    '',
  );
  lines.push('Split per change kind (p50 / p95 / max):', '', ...formatInteractionSplit(i), '');
  if (i.errors.length) lines.push(`Errors: ${i.errors.map((e) => `\`${e}\``).join(', ')}`, '');
  if (r.throttled) lines.push(...formatThrottled(r.throttled));
  if (r.reading) lines.push(...formatReading(r.reading));
  lines.push('## Ingest and memory (synthetic long CSV, contract format)', '');
  lines.push(
    '| rows | CSV | native 1 thread | wasm (registerFile + CREATE TABLE) | wasm / native | panelSeries p50 / p95 / max in wasm | DuckDB memory | peak page JS heap | peak renderer RSS |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const s of r.ingest) {
    const w = s.wasm;
    const ratio = w.rowsPerSec && s.native ? `${nf(w.rowsPerSec / s.native.rowsPerSec, 2)}×` : '–';
    const native = s.native ? `${ms(s.native.ms)} (${nf(s.native.rowsPerSec / 1e6, 2)} M rows/s)` : '–';
    const wasm = w.error ? `failed: ${w.error}` : `${ms(w.ms)} (${nf((w.rowsPerSec ?? 0) / 1e6, 2)} M rows/s; fetch ${ms(w.fetchMs)})`;
    lines.push(
      `| ${nf(s.rows)} | ${mb(s.csvBytes)} | ${native} | ${wasm} | ${ratio} | ${dist(w.query)} | ${mb(w.duckdbMemoryBytes)} | ${mb(w.peakJsHeapBytes)} | ${mb(w.rendererPeakRssBytes)} |`,
    );
  }
  lines.push(
    '',
    'Peak renderer RSS is the high-water mark of the Chromium renderer process (page + DuckDB worker + wasm memory), fresh browser per size.',
    '',
  );
  if (r.full) lines.push(...formatFull(r.full));
  return lines.join('\n');
}

const LAYOUT_NAMES = {
  arrow: 'per-KPI Arrow IPC pieces (shipped)',
  csv: 'per-KPI CSV pieces (shipped before 2026-12-01)',
  duckdb: 'one DuckDB file, HTTP range requests',
} as const;

export function formatFull(f: FullDataResult): string[] {
  const c = f.cold;
  const lines: string[] = ['## Full data (all 2,008 KPIs, `' + f.dataDir + '`)', ''];
  lines.push(
    `Build: ${f.buildMs === null ? 'reused' : `${nf(f.buildMs / 1000, 0)} s`} · dist/ ${mb(f.dist.bytes)} in ${nf(f.dist.files)} files, of which ${nf(f.pieces.files)} value pieces (${mb(f.pieces.bytes)}, largest ${kb(f.pieces.largestBytes)}) · meta.json ${mb(f.metaJsonBytes)}.`,
    '',
  );
  lines.push('| | first chart | FCP | bytes before first chart | requests |', '|---|---|---|---|---|');
  for (const enc of ['gzip', 'br'] as const) {
    const p = c.prerendered[enc];
    lines.push(`| prerendered, ${enc} | ${ms(p.firstChartMs)} | ${ms(p.fcpMs)} | ${kb(p.bytesBeforeChart)} | ${p.requestsBeforeChart} |`);
  }
  lines.push(`| baseline: no prerender, waits for DuckDB | ${ms(c.baselineFirstChartMs)} | | | |`, '');
  lines.push(
    `First chart ${nf(c.speedup, 1)}× faster than the baseline. DuckDB ready ${ms(c.engineReadyMs)}, first interactive DuckDB query (a ranking, its piece taken in) answered ${ms(c.interactiveQueryMs)} after navigation start.`,
    '',
  );
  const d = f.defaultPanels;
  lines.push(
    `Default panels of kommun/1286 (${d.kpis.length} KPIs: ${d.kpis.join(', ')}), asked of the engine once it is up: ${kb(d.totalBytes)} on the wire beyond the wasm, ${d.pieces} pieces, all answered ${ms(d.answeredMs)} after navigation start. By kind: ${Object.entries(
      d.byKind,
    )
      .map(([k, b]) => `${k} ${kb(b)}`)
      .join(', ')}.`,
    '',
  );
  lines.push(
    `KPI picked in search → chart drawn (engine warm, piece fetched): p50 / p95 / max ${dist(f.searchPick)}; KPIs ${f.searchPick.kpis.join(', ')}.`,
    '',
  );
  if (f.interactions) {
    const i = f.interactions;
    lines.push(
      `Interaction latency on this build (the 97-KPI run's sequence, ${i.steps} changes back to back, engine warm; p50 / p95 / max): all ${dist(i.dom)}.`,
      '',
      ...formatInteractionSplit(i),
      '',
    );
    if (i.slowest?.length)
      lines.push(
        `Slowest changes (place in the sequence, 0 = right when the engine is ready): ${i.slowest
          .map((x) => `#${x.at} ${x.change.type} ${x.domMs.toFixed(1)} ms (query ${x.queryEndMs.toFixed(1)} ms)`)
          .join(', ')}.`,
        '',
      );
    if (i.errors.length) lines.push(`Errors: ${i.errors.map((e) => `\`${e}\``).join(', ')}`, '');
  }
  lines.push(
    '### Value layouts compared',
    '',
    "A fresh page per run (empty HTTP cache) with the engine started; the scenario's KPIs are loaded into a new table. Bytes on the wire counted at the server (gzip for CSV and Arrow, byte ranges for the DuckDB file), median of runs.",
    '',
  );
  lines.push('| scenario | layout | KPIs | rows | bytes | requests | time |', '|---|---|---|---|---|---|---|');
  for (const l of f.layouts)
    lines.push(`| ${l.scenario} | ${LAYOUT_NAMES[l.layout]} | ${l.kpis} | ${nf(l.rows)} | ${kb(l.bytes)} | ${l.requests} | ${ms(l.ms)} |`);
  lines.push('');
  return lines;
}
