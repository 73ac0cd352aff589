/** Which requests a refresh makes. Pure: used by the fetcher and by `--dry-run`. */
import { chunk } from './chunk.ts';
import { withPaging } from './paging.ts';

export const DEFAULT_BASE_URL = 'https://api.kolada.se/v3';
export const DEFAULT_PER_PAGE = 5000;

export interface PlannedRequest {
  kind: 'kpi' | 'municipality' | 'municipality_groups' | 'catalogue' | 'data';
  /** first page; later pages follow `next_url` */
  url: string;
  kpis?: string[];
  municipalities?: string[];
  /** set for incremental data requests */
  fromDate?: string | null;
}

export interface PlanInput {
  baseUrl: string;
  kpis: string[];
  perPage?: number;
  since?: string | null;
  /** KPIs already in the previous output; with `since` only these are fetched incrementally */
  previousKpis?: readonly string[] | null;
}

export function apiVersion(baseUrl: string): string {
  const m = /\/(v\d+)\/?$/.exec(new URL(baseUrl).pathname);
  return m ? m[1] : 'unknown';
}

function endpoint(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, '') + path;
}

export function metadataRequests(input: PlanInput): PlannedRequest[] {
  const perPage = input.perPage ?? DEFAULT_PER_PAGE;
  return [
    ...chunk(input.kpis).map((ids) => ({
      kind: 'kpi' as const,
      url: withPaging(endpoint(input.baseUrl, `/kpi/${ids.join(',')}`), perPage),
      kpis: ids,
    })),
    { kind: 'municipality', url: withPaging(endpoint(input.baseUrl, '/municipality'), perPage) },
    { kind: 'municipality_groups', url: withPaging(endpoint(input.baseUrl, '/municipality_groups'), perPage) },
    // every KPI Kolada knows, for the site's search (catalogue.csv): those without values say so
    { kind: 'catalogue', url: withPaging(endpoint(input.baseUrl, '/kpi'), perPage) },
  ];
}

/** KPIs fetched whole vs. only changes since `since` (a KPI new to the list is always fetched whole). */
export function splitIncremental(input: PlanInput): { full: string[]; incremental: string[] } {
  if (!input.since) return { full: [...input.kpis], incremental: [] };
  const prev = new Set(input.previousKpis ?? []);
  return { full: input.kpis.filter((k) => !prev.has(k)), incremental: input.kpis.filter((k) => prev.has(k)) };
}

/** One request per (KPI chunk × municipality chunk), both ≤ 25 ids. */
export function dataRequests(input: PlanInput, municipalityIds: readonly string[]): PlannedRequest[] {
  const perPage = input.perPage ?? DEFAULT_PER_PAGE;
  const { full, incremental } = splitIncremental(input);
  const out: PlannedRequest[] = [];
  const add = (kpis: string[], fromDate: string | null) => {
    for (const kc of chunk(kpis)) {
      for (const mc of chunk(municipalityIds)) {
        const u = new URL(endpoint(input.baseUrl, `/data/kpi/${kc.join(',')}/municipality/${mc.join(',')}`));
        if (fromDate) u.searchParams.set('from_date', fromDate);
        out.push({ kind: 'data', url: withPaging(u.toString(), perPage), kpis: kc, municipalities: mc, fromDate });
      }
    }
  };
  add(full, null);
  add(incremental, input.since ?? null);
  return out;
}

/** The `--dry-run` text. `municipalityIds` is null when unknown without network. */
export function formatPlan(input: PlanInput, municipalityIds: readonly string[] | null, idsSource: string, extra: string[] = []): string {
  const lines: string[] = [];
  const { full, incremental } = splitIncremental(input);
  lines.push(`Kolada refresh plan (dry run, no network)`);
  lines.push(
    `  API: ${input.baseUrl} (version ${apiVersion(input.baseUrl)}), per_page ${input.perPage ?? DEFAULT_PER_PAGE}, ≤ 25 ids per path segment`,
  );
  for (const e of extra) lines.push(`  ${e}`);
  lines.push(`  KPIs (${input.kpis.length}): ${input.kpis.join(', ')}`);
  lines.push(
    `  KPI chunks: ${chunk(input.kpis)
      .map((c) => `[${c.join(',')}]`)
      .join(' ')}`,
  );
  if (input.since) {
    lines.push(
      `  Incremental since ${input.since}: from_date for ${incremental.length ? incremental.join(', ') : '(none)'}; fetched whole (new to the list): ${full.length ? full.join(', ') : '(none)'}`,
    );
  }
  const meta = metadataRequests(input);
  lines.push(``, `Metadata requests (${meta.length}, each followed through next_url):`);
  for (const r of meta) lines.push(`  GET ${r.url}`);
  if (municipalityIds) {
    const data = dataRequests(input, municipalityIds);
    lines.push(
      ``,
      `Data requests (${data.length} = ${chunk(full).length + chunk(incremental).length} KPI chunk(s) × ${chunk(municipalityIds).length} municipality chunk(s); ${municipalityIds.length} units from ${idsSource}; each followed through next_url):`,
    );
    for (const r of data) lines.push(`  GET ${r.url}`);
  } else {
    const kc = chunk(full).length + chunk(incremental).length;
    lines.push(``, `Data requests: ${kc} KPI chunk(s) × ⌈units/25⌉ municipality chunks (312 units today → 13 chunks).`);
    lines.push(`  The unit ids come from GET /municipality, which a dry run does not make (no earlier output or resume state found).`);
    lines.push(
      `  Each: GET ${endpoint(input.baseUrl, '/data/kpi/<≤25 KPIs>/municipality/<≤25 ids>')}?page=1&per_page=${input.perPage ?? DEFAULT_PER_PAGE}${input.since ? `&from_date=${input.since}` : ''}`,
    );
  }
  lines.push(
    ``,
    `Rows with isdeleted are dropped${input.since ? ' (and remove the row from the previous output)' : ''}; null values are kept as missing.`,
  );
  return lines.join('\n') + '\n';
}
