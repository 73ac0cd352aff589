import { describe, expect, it } from 'vitest';
import { compareBudget, type Budget } from '../../bench/budgets.ts';
import { budgetLine, budgetTable, formatValue, kb, mb, ms } from '../../bench/report.ts';
import { changeSequence } from '../../bench/interaction.ts';
import { syntheticLines, ROWS_PER_KPI, SYNTHETIC } from '../../bench/generate-csv.ts';
import { stripPrerender } from '../../bench/site.ts';

const b: Budget = { id: 'p95', label: 'Interaction p95', kind: 'max', limit: 30, unit: 'ms' };

describe('bench report formatting', () => {
  it('formats values in their unit', () => {
    expect(ms(12.345)).toBe('12.3 ms');
    expect(ms(1234.5)).toBe('1,235 ms');
    expect(ms(null)).toBe('–');
    expect(kb(92755)).toBe('92.8 kB');
    expect(mb(7_712_334)).toBe('7.7 MB');
    expect(formatValue(22.88, '×')).toBe('22.88×');
    expect(formatValue(null, 'ms')).toBe('not measured');
  });

  it('prints PASS/MISS with the distance from the limit', () => {
    expect(budgetLine(compareBudget(b, 75))).toBe('| MISS | Interaction p95 | 75.0 ms | ≤ 30.0 ms | over by 45.0 ms (2.5× the limit) |');
    expect(budgetLine(compareBudget(b, 12))).toBe('| PASS | Interaction p95 | 12.0 ms | ≤ 30.0 ms | margin 18.0 ms |');
    expect(budgetLine(compareBudget(b, null))).toContain('| MISS | Interaction p95 | not measured |');
    const t = budgetTable([compareBudget(b, 1), compareBudget(b, 100)]).split('\n');
    expect(t).toHaveLength(4);
    expect(t[2]).toMatch(/^\| PASS/);
    expect(t[3]).toMatch(/^\| MISS/);
  });
});

describe('bench inputs', () => {
  it('every scripted step changes something: next kommun, KPI, peer group and year each round', () => {
    const seq = changeSequence({
      rounds: 30,
      kommuner: ['a', 'b', 'c'],
      panel: 'p',
      kpis: ['K1', 'K2'],
      peers: ['liknande', 'skr', 'lan', 'alla'],
      years: ['2022', '2021'],
    });
    expect(seq).toHaveLength(150);
    for (const type of ['kommun', 'kpi', 'peer', 'year', 'gender'] as const) {
      const values = seq.filter((c) => c.type === type).map((c) => ('id' in c ? c.id : c.value));
      values.forEach((v, i) => i > 0 && expect(v).not.toBe(values[i - 1]));
    }
  });

  it('synthetic CSV rows are contract rows with a unique key', () => {
    const lines = syntheticLines(0, ROWS_PER_KPI + 10)
      .trimEnd()
      .split('\n');
    const keys = new Set(lines.map((l) => l.split(',').slice(0, 4).join(',')));
    expect(keys.size).toBe(lines.length);
    for (const l of lines) {
      const [kpi, m, period, gender, value, status] = l.split(',');
      expect(kpi).toMatch(/^B\d{5}$/);
      expect(SYNTHETIC.municipalities).toContain(m);
      expect(period).toMatch(/^\d{4}$/);
      expect(['T', 'K', 'M']).toContain(gender);
      expect(value === '' ? status : value).toMatch(value === '' ? /^\.\.$/ : /^\d+(\.\d+)?$/);
    }
    expect(syntheticLines(5, 6)).toBe(syntheticLines(0, 10).split('\n')[5] + '\n');
  });

  it('the baseline page keeps scripts but loses the prerendered body and the boot snapshot, and waits for the engine', () => {
    const html =
      '<head><script type="module" src="./a.js"></script></head><body><div id="app"><h1>X</h1><svg data-chart-id="c"></svg></div>\n<noscript></noscript><script type="application/json" id="jamfor-boot">{"snapshot":{}}</script></body>';
    const out = stripPrerender(html);
    expect(out).toContain('<div id="app"></div>');
    expect(out).toContain('src="./a.js"');
    expect(out).not.toContain('data-chart-id');
    expect(out).not.toContain('jamfor-boot');
    expect(out).toMatch(/<meta name="jamfor-engine-only"[^>]*>\s*<\/head>/);
    expect(() => stripPrerender('<html></html>')).toThrow();
  });
});

describe('interaction split table', () => {
  it('has one row per change kind with the query and render parts and statements per change', async () => {
    const { formatInteractionSplit } = await import('../../bench/interaction-report.ts');
    const { distribution } = await import('../../bench/stats.ts');
    const lines = formatInteractionSplit({
      byType: { kommun: distribution([40, 50, 60]) },
      split: { kommun: { query: distribution([20, 25, 30]), render: distribution([20, 25, 30]), statements: 1 } },
      queriesByType: { kommun: 4 },
    } as never);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe(
      '| kommun | 3 | 50.0 ms / 60.0 ms / 60.0 ms | 25.0 ms / 30.0 ms / 30.0 ms | 25.0 ms / 30.0 ms / 30.0 ms | 1.0 / 4.0 |',
    );
  });

  it('names the reading pause in the heading of the paused run', async () => {
    const { formatReading } = await import('../../bench/interaction-report.ts');
    const { distribution } = await import('../../bench/stats.ts');
    const lines = formatReading({
      pauseMs: 1000,
      steps: 3,
      dom: distribution([10, 20, 30]),
      byType: { kommun: distribution([10, 20, 30]) },
      split: { kommun: { query: distribution([0, 0, 0]), render: distribution([10, 20, 30]), statements: 0 } },
      queriesByType: { kommun: 0 },
    } as never);
    expect(lines[0]).toBe(
      '## Interaction latency with 1000 ms of reading between changes (reported; the budget is on back-to-back changes)',
    );
    expect(lines[2]).toContain('3 changes, each 1000 ms after the previous one was drawn');
    expect(lines).toContain(
      '| kommun | 3 | 20.0 ms / 30.0 ms / 30.0 ms | 0.0 ms / 0.0 ms / 0.0 ms | 20.0 ms / 30.0 ms / 30.0 ms | 0.0 / 0.0 |',
    );
  });
});
