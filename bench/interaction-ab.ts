/**
 * Before/after of the interaction means on one build, same load, back to back:
 * `npx tsx bench/interaction-ab.ts [dist]` (default .cache/bench/dist; AB_REPS, AB_ROUNDS, AB_THROTTLE).
 * Each repetition runs every variant once, in rotating order, with a fresh page; writes
 * bench/results/<date>-interaction-ab.{json,md}.
 */
import { loadavg } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from '../tests/support/browser.ts';
import { serveStatic } from '../scripts/site/static-server.ts';
import { changeSequence, interactions, CHANGE_TYPES, type Variant, type InteractionResult } from './interaction.ts';
import { median } from './stats.ts';
import type { SiteMeta } from '../src/data/site-meta.ts';

const env = (k: string, d: string) => process.env[k] || d;
const dist = resolve(process.argv[2] ?? '.cache/bench/dist');
const reps = Number(env('AB_REPS', '3'));
const rounds = Number(env('AB_ROUNDS', '10'));
const throttle = Number(env('AB_THROTTLE', '1'));
const meta = JSON.parse(readFileSync(join(dist, 'data/meta.json'), 'utf8')) as SiteMeta;
const kommuner = meta.municipalities.filter((m) => m.type === 'K').map((m) => m.id);
const years = [...new Set(Object.values(meta.periods).flat())]
  .filter((p) => /^\d{4}$/.test(p))
  .sort()
  .reverse();
// the same sequence as bench/run.ts
const sequence = changeSequence({
  rounds,
  kommuner: kommuner.filter((k) => k !== '1286'),
  panel: 'kostnader',
  kpis: ['U31001', 'N31004', 'N31001', 'N31008', 'N40011'].filter((k) => meta.kpis.some((x) => x.id === k)),
  peers: ['liknande', 'skr', 'lan', 'alla'],
  years: years.slice(1, 9),
});
const VARIANTS: Record<string, Variant> = {
  before: { batching: false, prefetch: false },
  batched: { batching: true, prefetch: false },
  'batched+prefetch': { batching: true, prefetch: true },
};

const loadStart = loadavg();
const site = await serveStatic(dist, { compress: true });
const browser = await launchChromium();
const runs: Record<string, InteractionResult[]> = Object.fromEntries(Object.keys(VARIANTS).map((k) => [k, []]));
const names = Object.keys(VARIANTS);
for (let rep = 0; rep < reps; rep++) {
  for (let j = 0; j < names.length; j++) {
    const name = names[(rep + j) % names.length];
    runs[name].push(
      await interactions(
        browser,
        site.url,
        sequence,
        [],
        (s) => console.log(`[${rep + 1}/${reps}] ${name}:${s}`),
        throttle,
        VARIANTS[name],
      ),
    );
  }
}
await browser.close();
await site.close();

const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const lines = [
  `# Interaction before/after ${new Date().toISOString().slice(0, 16)}Z`,
  '',
  `Command: \`AB_REPS=${reps} AB_ROUNDS=${rounds} AB_THROTTLE=${throttle} npx tsx bench/interaction-ab.ts ${process.argv[2] ?? ''}\`; load average ${loadStart.map((x) => x.toFixed(1)).join(' ')} at start, ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} at end (2 shared cores: compare the variants with each other, not with the budgets).`,
  '',
  `${sequence.length} changes per run; each cell is the median over ${reps} runs of that run's p50 / p95 (ms); statements = engine statements per change.`,
  '',
  `| variant | all | ${CHANGE_TYPES.join(' | ')} | query part p95 (kommun / peer) | render part p95 (kommun / peer) | statements (kommun / peer) |`,
  `|---|---|${CHANGE_TYPES.map(() => '---|').join('')}---|---|---|`,
];
for (const name of names) {
  const rs = runs[name];
  const m = (g: (r: InteractionResult) => number | undefined) =>
    median(rs.map(g).filter((x): x is number => x !== undefined && Number.isFinite(x)));
  const cell = (t: string) => `${f(m((r) => r.byType[t]?.p50))} / ${f(m((r) => r.byType[t]?.p95))}`;
  lines.push(
    `| ${name} | ${f(m((r) => r.dom.p50))} / ${f(m((r) => r.dom.p95))} | ${CHANGE_TYPES.map(cell).join(' | ')} | ${f(m((r) => r.split.kommun?.query.p95))} / ${f(m((r) => r.split.peer?.query.p95))} | ${f(m((r) => r.split.kommun?.render.p95))} / ${f(m((r) => r.split.peer?.render.p95))} | ${f(m((r) => r.split.kommun?.statements))} / ${f(m((r) => r.split.peer?.statements))} |`,
  );
}
const errors = Object.values(runs)
  .flat()
  .flatMap((r) => r.errors);
if (errors.length) lines.push('', `Errors: ${errors.slice(0, 5).join('; ')}`);
const md = lines.join('\n') + '\n';
mkdirSync('bench/results', { recursive: true });
const stamp = new Date().toISOString().slice(0, 10);
const suffix = throttle !== 1 ? `-cpu${throttle}` : '';
writeFileSync(`bench/results/${stamp}-interaction-ab${suffix}.md`, md);
writeFileSync(
  `bench/results/${stamp}-interaction-ab${suffix}.json`,
  JSON.stringify(Object.fromEntries(Object.entries(runs).map(([k, rs]) => [k, rs.map(({ steps, ...r }) => ({ ...r, steps }))])), null, 2) +
    '\n',
);
console.log('\n' + md);
