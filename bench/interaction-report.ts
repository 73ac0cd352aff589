import type { InteractionResult } from './interaction.ts';
import type { Distribution } from './stats.ts';

type Summary = Omit<InteractionResult, 'steps'> & { steps: number };

const nf = (x: number, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const ms = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : `${nf(x, x < 100 ? 1 : 0)} ms`);
const d3 = (d: Distribution | undefined) => (d && d.n ? `${ms(d.p50)} / ${ms(d.p95)} / ${ms(d.max)}` : '–');

/**
 * One row per change kind: the whole change, the part until the engine answered (input → last query
 * answered; 0 when the change needs no query) and the part after it (Svelte update and chart rendering).
 */
export function formatInteractionSplit(i: Summary): string[] {
  const lines = [
    '| change | n | input → DOM updated | of which query (input → last answer) | of which render (answer → DOM) | statements sent / queries asked |',
    '|---|---|---|---|---|---|',
  ];
  for (const [t, d] of Object.entries(i.byType)) {
    const s = i.split?.[t];
    lines.push(
      `| ${t} | ${d.n} | ${d3(d)} | ${d3(s?.query)} | ${d3(s?.render)} | ${s ? nf(s.statements, 1) : '–'} / ${nf(i.queriesByType[t] ?? 0, 1)} |`,
    );
  }
  return lines;
}

/** The same changes with the CPU slowed down (CDP Emulation.setCPUThrottlingRate): reported, not budgeted. */
export function formatThrottled(t: Summary): string[] {
  return [
    `## Interaction latency on an older laptop (CPU throttled ${t.cpuThrottle}×, reported, not budgeted)`,
    '',
    `${t.steps} changes with Chromium's CPU slowed ${t.cpuThrottle}× (CDP \`Emulation.setCPUThrottlingRate\`; the DuckDB worker is throttled too), p50 / p95 / max; all: ${d3(t.dom)}.`,
    '',
    ...formatInteractionSplit(t),
    '',
  ];
}

/** The same kinds of change with a visitor's reading pause between them (the idle prefetch gets its turn): reported, not budgeted. */
export function formatReading(t: Summary): string[] {
  return [
    `## Interaction latency with ${t.pauseMs} ms of reading between changes (reported; the budget is on back-to-back changes)`,
    '',
    `${t.steps} changes, each ${t.pauseMs} ms after the previous one was drawn, p50 / p95 / max; all: ${d3(t.dom)}.`,
    '',
    ...formatInteractionSplit(t),
    '',
  ];
}
