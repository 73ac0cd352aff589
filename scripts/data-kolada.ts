/**
 * npm run data:kolada -- [--out DIR] [--kpis-file FILE] [--base-url URL] [--since YYYY-MM-DD]
 *                        [--dry-run] [--concurrency N] [--state-dir DIR] [--per-page N]
 *
 * Builds a data directory (docs/data-contract.md) from the Kolada API v3. See docs/kolada-api.md.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_BASE_URL, DEFAULT_PER_PAGE, formatPlan } from '../src/kolada-api/plan.ts';
import { hasPreviousOutput, readPreviousOutput } from '../src/kolada-api/previous.ts';
import { refreshKoladaData, validateKpis, validateSince } from '../src/kolada-api/refresh.ts';
import { fetchAllPages } from '../src/kolada-api/paging.ts';
import { peekCachedPage } from '../src/kolada-api/state.ts';
import { metadataRequests } from '../src/kolada-api/plan.ts';
import { municipalitiesFromApi } from '../src/kolada-api/to-contract.ts';

import { KOLADA_API_KPIS } from '../src/data/dashboard-kpis.ts';

const USAGE = `usage: npm run data:kolada -- [options]
  --out DIR           output data directory (default .cache/kolada-api/data)
  --kpis ID,ID        KPIs to fetch in addition to the dashboard's own (src/data/dashboard-kpis.ts), e.g. --kpis N31825,N31002
  --kpis-file FILE    JSON {"kpis": [...]} with more KPIs to fetch
  --base-url URL      API root (default ${DEFAULT_BASE_URL})
  --since YYYY-MM-DD  incremental: only values changed since DATE (from_date), merged into the existing --out
  --dry-run           print the plan (requests, KPIs, chunks) without network
  --concurrency N     parallel requests (default 4)
  --state-dir DIR     resume state (default .cache/kolada-api/state)
  --per-page N        rows per page, 1…5000 (default ${DEFAULT_PER_PAGE})
  --help`;

export function readKpisFile(file: string): string[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read KPI list ${file}: ${(e as Error).message}`, { cause: e });
  }
  const kpis = (json as { kpis?: unknown })?.kpis;
  if (!Array.isArray(kpis) || !kpis.every((k) => typeof k === 'string')) throw new Error(`${file}: expected {"kpis": ["N00090", ...]}`);
  return kpis.map((k: string) => k.trim());
}

function positiveInt(name: string, v: string | undefined, def: number, max = Infinity): number {
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${name} must be an integer 1…${max}, got ${JSON.stringify(v)}`);
  return n;
}

/** Unit ids from a `/municipality` response in the resume cache, if a failed run left one. */
async function cachedMunicipalityIds(stateDir: string, baseUrl: string, kpis: string[], perPage: number): Promise<string[] | null> {
  const req = metadataRequests({ baseUrl, kpis, perPage }).find((r) => r.kind === 'municipality')!;
  try {
    const rows = await fetchAllPages(async (url) => {
      const body = peekCachedPage(stateDir, url);
      if (body === undefined) throw new Error('not cached');
      return body;
    }, req.url);
    return municipalitiesFromApi(rows).map((m) => m.id);
  } catch {
    return null;
  }
}

let fetching = false;

async function main(argv: string[]): Promise<number> {
  const { values: a } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string', default: '.cache/kolada-api/data' },
      kpis: { type: 'string' },
      'kpis-file': { type: 'string' },
      'base-url': { type: 'string', default: DEFAULT_BASE_URL },
      since: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      concurrency: { type: 'string' },
      'state-dir': { type: 'string', default: '.cache/kolada-api/state' },
      'per-page': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (a.help) {
    console.log(USAGE);
    return 0;
  }
  const listed = (a.kpis ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const kpis = [...new Set([...KOLADA_API_KPIS, ...listed, ...(a['kpis-file'] ? readKpisFile(a['kpis-file']) : [])])];
  validateKpis(kpis);
  if (a.since) validateSince(a.since);
  const baseUrl = a['base-url']!.replace(/\/+$/, '');
  try {
    new URL(baseUrl);
  } catch {
    throw new Error(`--base-url is not a URL: ${JSON.stringify(baseUrl)}`);
  }
  const concurrency = positiveInt('--concurrency', a.concurrency, 4, 32);
  const perPage = positiveInt('--per-page', a['per-page'], DEFAULT_PER_PAGE, 5000);
  const outDir = resolve(a.out!);
  const stateDir = resolve(a['state-dir']!);

  if (a['dry-run']) {
    const prev = hasPreviousOutput(outDir) ? readPreviousOutput(outDir) : null;
    if (a.since && !prev) throw new Error(`--since needs an earlier output in ${outDir}; run once without --since first`);
    const previousKpis = a.since ? (prev?.manifest?.kpis ?? [...new Set(prev!.values.map((v) => v.kpi))]) : null;
    const cached = await cachedMunicipalityIds(stateDir, baseUrl, kpis, perPage);
    const ids = cached ?? prev?.municipalityIds ?? null;
    const source = cached ? `the resume cache in ${stateDir}` : prev ? `the earlier output ${outDir}/municipalities.csv` : '';
    const extra = [`Output: ${outDir} (written atomically)`, `Resume state: ${stateDir}`, `Concurrency: ${concurrency}`];
    process.stdout.write(formatPlan({ baseUrl, kpis, perPage, since: a.since ?? null, previousKpis }, ids, source, extra));
    return 0;
  }

  const started = Date.now();
  fetching = true;
  const result = await refreshKoladaData({
    baseUrl,
    kpis,
    outDir,
    stateDir,
    since: a.since ?? null,
    concurrency,
    perPage,
    log: (m) => console.error(m),
  });
  const m = result.manifest;
  console.log(
    `Kolada ${m.api.version} → ${outDir}: ${m.rows.values} values, ${m.rows.kpis} KPIs, ${m.rows.municipalities} municipalities, ${m.rows.groups} group rows ` +
      `(hämtad ${m.retrieved}; ${m.requests.pages} pages, ${m.requests.from_resume_cache} from the resume cache, ${m.requests.retries} retries; ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`data:kolada failed: ${e instanceof Error ? e.message : String(e)}`);
    if (fetching) console.error('Completed pages are kept in the state dir; rerun the same command to resume.');
    process.exit(1);
  },
);
