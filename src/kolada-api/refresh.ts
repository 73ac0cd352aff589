/** One refresh: fetch (with resume cache) → convert → merge → write the data directory atomically. */
import { writeContractDirectory } from '../data/write-directory.ts';
import { createClient, type ClientOptions } from './client.ts';
import { mapLimit } from './limit.ts';
import { buildManifest, type KoladaManifest } from './manifest.ts';
import { mergeGroups, mergeValues } from './merge.ts';
import { fetchAllPages } from './paging.ts';
import { apiVersion, dataRequests, DEFAULT_PER_PAGE, metadataRequests, type PlanInput } from './plan.ts';
import { hasPreviousOutput, readPreviousOutput, type PreviousOutput } from './previous.ts';
import { openState } from './state.ts';
import {
  catalogueFromApi,
  dedupeValues,
  groupsFromApi,
  kpisFromApi,
  municipalitiesFromApi,
  valuesFromApi,
  type RowKey,
} from './to-contract.ts';
import type { ValueRow } from '../data/contract.ts';
import { catalogueRow } from '../data/kpi-catalogue.ts';

export interface RefreshOptions {
  baseUrl: string;
  kpis: string[];
  outDir: string;
  stateDir: string;
  since?: string | null;
  concurrency?: number;
  perPage?: number;
  client?: ClientOptions;
  now?: () => Date;
  log?: (message: string) => void;
}

export interface RefreshResult {
  outDir: string;
  manifest: KoladaManifest;
  resumed: boolean;
  warnings: string[];
}

export const KPI_ID = /^[A-Z][A-Z0-9_]{1,19}$/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function validateKpis(kpis: readonly string[]): void {
  if (kpis.length === 0) throw new Error('no KPIs to fetch');
  const bad = kpis.filter((k) => !KPI_ID.test(k));
  if (bad.length) throw new Error(`not a Kolada KPI id: ${bad.map((b) => JSON.stringify(b)).join(', ')}`);
}

export function validateSince(since: string): void {
  if (
    !DATE.test(since) ||
    Number.isNaN(Date.parse(since + 'T00:00:00Z')) ||
    new Date(since + 'T00:00:00Z').toISOString().slice(0, 10) !== since
  ) {
    throw new Error(`--since must be a date YYYY-MM-DD, got ${JSON.stringify(since)}`);
  }
}

export async function refreshKoladaData(o: RefreshOptions): Promise<RefreshResult> {
  const log = o.log ?? (() => {});
  const now = o.now ?? (() => new Date());
  const since = o.since ?? null;
  const concurrency = o.concurrency ?? 4;
  const perPage = o.perPage ?? DEFAULT_PER_PAGE;
  validateKpis(o.kpis);
  if (since) validateSince(since);
  new URL(o.baseUrl); // throws on a malformed URL

  let previous: PreviousOutput | null = null;
  if (since) {
    if (!hasPreviousOutput(o.outDir))
      throw new Error(
        `--since needs an earlier output to merge into, but ${o.outDir} has no values.csv/municipalities.csv; run once without --since first`,
      );
    previous = readPreviousOutput(o.outDir);
  } else if (hasPreviousOutput(o.outDir)) {
    try {
      previous = readPreviousOutput(o.outDir);
    } catch (e) {
      log(`note: ignoring the unreadable earlier output in ${o.outDir}: ${(e as Error).message}`);
    }
  }
  const previousKpis = since ? (previous?.manifest?.kpis ?? [...new Set(previous!.values.map((v) => v.kpi))]) : null;
  const input: PlanInput = { baseUrl: o.baseUrl, kpis: o.kpis, perPage, since, previousKpis };

  const state = openState(o.stateDir, { baseUrl: o.baseUrl, kpis: o.kpis, perPage, since, previousKpis });
  if (state.resumed) log(`resuming the run started ${state.run.started} (completed pages are read from ${o.stateDir})`);
  const client = createClient({
    ...o.client,
    onRetry: (i) => {
      log(`retry ${i.attempt} in ${i.delayMs} ms: ${i.reason}`);
      o.client?.onRetry?.(i);
    },
  });
  const get = state.wrap((url) => client.getJson(url));
  let pages = 0;
  const countingGet = async (url: string) => {
    pages++;
    return get(url);
  };

  // 1. metadata
  const meta = metadataRequests(input);
  log(`fetching metadata: ${meta.length} request(s)`);
  const metaRows = await mapLimit(meta, concurrency, (r) => fetchAllPages(countingGet, r.url));
  const kpiRows = meta.flatMap((r, i) => (r.kind === 'kpi' ? metaRows[i] : []));
  const muniRows = metaRows[meta.findIndex((r) => r.kind === 'municipality')];
  const groupRows = metaRows[meta.findIndex((r) => r.kind === 'municipality_groups')];
  const catalogue = catalogueFromApi(metaRows[meta.findIndex((r) => r.kind === 'catalogue')]);

  const kpis = kpisFromApi(kpiRows).filter((k) => o.kpis.includes(k.id));
  const missing = o.kpis.filter((id) => !kpis.some((k) => k.id === id));
  if (missing.length) throw new Error(`KPI(s) not found in ${o.baseUrl}/kpi: ${missing.join(', ')}`);
  const bareMunis = municipalitiesFromApi(muniRows);
  if (bareMunis.length === 0) throw new Error(`${o.baseUrl}/municipality returned no municipalities`);
  const converted = groupsFromApi(groupRows, bareMunis);
  const municipalities = municipalitiesFromApi(muniRows, converted.skrByMember);
  const groups = previous ? mergeGroups(previous.groups, converted.groups) : converted.groups;
  const warnings = [...converted.warnings];
  if (converted.skrByMember.size === 0) warnings.push('no SKR kommungrupper found in /municipality_groups');
  if (catalogue.length === 0) warnings.push('/kpi returned no KPIs: no catalogue.csv written');
  if (!converted.groups.some((g) => g.kind === 'liknande_ekonomiskt_bistand'))
    warnings.push('no "Liknande kommuner ekonomiskt bistånd" groups found in /municipality_groups');

  // 2. values
  const data = dataRequests(
    input,
    municipalities.map((m) => m.id),
  );
  log(`fetching values: ${data.length} request(s) with concurrency ${concurrency}`);
  let done = 0;
  const dataRows = await mapLimit(data, concurrency, async (r) => {
    const rows = await fetchAllPages(countingGet, r.url);
    done++;
    if (done % 10 === 0 || done === data.length) log(`  ${done}/${data.length} data requests done`);
    return rows;
  });
  const fresh: ValueRow[] = [];
  const deleted: RowKey[] = [];
  for (const rows of dataRows) {
    const c = valuesFromApi(rows);
    for (const v of c.values) fresh.push(v);
    for (const d of c.deleted) deleted.push(d);
  }
  const values = since && previous ? mergeValues(previous.values, dedupeValues(fresh), deleted, o.kpis) : dedupeValues(fresh);
  const unitIds = new Set(municipalities.map((m) => m.id));
  const unknownUnit = values.find((v) => !unitIds.has(v.municipality_id));
  if (unknownUnit) warnings.push(`values for unit ${unknownUnit.municipality_id}, which /municipality does not list`);

  // 3. write
  const finished = now();
  const manifest = buildManifest({
    now: finished,
    baseUrl: o.baseUrl,
    version: apiVersion(o.baseUrl),
    kpis: o.kpis,
    since,
    mergedInto: since ? (previous?.manifest?.retrieved_at ?? previous?.manifest?.retrieved ?? null) : null,
    rows: { values: values.length, kpis: kpis.length, municipalities: municipalities.length, groups: groups.length },
    requests: { pages, from_resume_cache: state.stats.hits, retries: client.stats.retries },
  });
  writeContractDirectory(o.outDir, {
    values,
    kpis,
    municipalities,
    groups,
    manifest,
    catalogue: catalogue.length ? catalogue.map(catalogueRow) : undefined,
  });
  state.finish();
  for (const w of warnings) log(`warning: ${w}`);
  log(
    `wrote ${o.outDir}: ${values.length} values, ${kpis.length} KPIs, ${municipalities.length} municipalities, ${groups.length} group rows`,
  );
  return { outDir: o.outDir, manifest, resumed: state.resumed, warnings };
}
