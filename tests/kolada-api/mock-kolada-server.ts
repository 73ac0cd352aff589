/**
 * A local Kolada v3 stand-in on 127.0.0.1 (random port), serving pages built from shared/data/kolada.
 * Paths as the real API (`/v3/kpi/{ids}`, `/v3/municipality`, `/v3/municipality_groups`,
 * `/v3/data/kpi/{kpis}/municipality/{ids}[/year/{years}]`), `page`/`per_page` (≤ 5000), `next_url`,
 * `from_date`, `isdeleted` rows, genders in scrambled order, ≤ 25 ids per path segment (else 400),
 * and deterministic fault injection (429 with Retry-After, 500, a connection destroyed mid-body).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readCsv } from './source-data.ts';

export interface MockGenderValue {
  gender: string;
  count: number;
  status: string;
  value: number | null;
}
export interface MockDataRow {
  kpi: string;
  municipality: string;
  period: number;
  values: MockGenderValue[];
  isdeleted: boolean;
  /** YYYY-MM-DD of the last change (for from_date) */
  updated: string;
}

export interface MockRequest {
  n: number;
  path: string;
  page: number;
  url: string;
}
export interface FaultRule {
  kind: '429' | '500' | 'destroy';
  when: (r: MockRequest) => boolean;
  /** how many matching requests get the fault (default 1) */
  times?: number;
  retryAfter?: string;
}

export interface MockOptions {
  /** only these KPIs' values are served (all KPI metadata is served) */
  kpis?: string[];
  faults?: FaultRule[];
  /** bogus rows flagged isdeleted, per KPI (period 1900) */
  deletedRowsPerKpi?: number;
}

export interface MockServer {
  baseUrl: string;
  log: (MockRequest & { status: number; fault?: string })[];
  rows: Map<string, MockDataRow>;
  faults: FaultRule[];
  update(kpi: string, municipality: string, period: number, values: Record<string, number | null>, date: string): void;
  remove(kpi: string, municipality: string, period: number, date: string): void;
  close(): Promise<void>;
}

const BASE_DATE = '2024-08-30';
const MAX_IDS = 25;

/** Deterministic scramble of an array (so genders come in varying orders). */
function scramble<T>(xs: T[], seed: string): T[] {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
    const j = h % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function loadSource(kpiFilter: Set<string> | null) {
  const kpis = readCsv('kpi_metadata_2026-03.csv').map((k) => ({
    id: k.id,
    title: k.title,
    description: k.description,
    is_divided_by_gender: k.is_divided_by_gender === 'TRUE',
    municipality_type: k.municipality_type,
    auspice: k.auspice,
    operating_area: k.operating_area,
    perspective: k.perspective,
    prel_publication_date: k.prel_publication_date || null,
    publication_date: k.publication_date || null,
    publ_period: k.publ_period || null,
    has_ou_data: k.has_ou_data === 'TRUE',
  }));
  const municipalities = readCsv('municipalities.csv').map((m) => ({ id: m.municipality_id, title: m.name, type: m.type }));

  const groups: { id: string; title: string; members: { member_id: string; member_title: string }[] }[] = [];
  const byKey = new Map<string, (typeof groups)[number]>();
  const lk = readCsv('liknande_kommuner_ekonomiskt_bistand.csv').sort((a, b) => Number(a.member_rank) - Number(b.member_rank));
  for (const r of lk) {
    const key = `${r.group_id}|${r.edition_year}`;
    let g = byKey.get(key);
    if (!g) byKey.set(key, (g = { id: r.group_id, title: r.group_title, members: [] }));
    g.members.push({ member_id: r.member_id, member_title: r.member_title });
  }
  for (const r of readCsv('skr_kommungrupper.csv')) {
    let g = byKey.get(r.kolada_group_id);
    if (!g) byKey.set(r.kolada_group_id, (g = { id: r.kolada_group_id, title: r.kolada_group_title, members: [] }));
    g.members.push({ member_id: r.municipality_id, member_title: r.name });
  }
  // every other group of the 2026-03 catalogue, so the client has to pick the right ones
  const skip = new Set([...byKey.values()].map((g) => g.id));
  for (const r of readCsv('municipality_groups_2026-03.csv')) {
    if (skip.has(r.group_id)) continue;
    let g = byKey.get(r.group_id);
    if (!g) byKey.set(r.group_id, (g = { id: r.group_id, title: r.group_title, members: [] }));
    g.members.push({ member_id: r.member_id, member_title: r.member_title });
  }
  groups.push(...byKey.values());

  const rows = new Map<string, MockDataRow>();
  for (const v of readCsv('values_long.csv')) {
    if (kpiFilter && !kpiFilter.has(v.kpi)) continue;
    const key = `${v.kpi}|${v.municipality_id}|${v.period}`;
    let row = rows.get(key);
    if (!row)
      rows.set(
        key,
        (row = { kpi: v.kpi, municipality: v.municipality_id, period: Number(v.period), values: [], isdeleted: false, updated: BASE_DATE }),
      );
    const value = v.value === '' ? null : Number(v.value);
    row.values.push({ gender: v.gender, count: value === null ? 0 : 1, status: '', value });
  }
  for (const [key, row] of rows) row.values = scramble(row.values, key);
  return { kpis, municipalities, groups, rows };
}

export async function startMockKolada(options: MockOptions = {}): Promise<MockServer> {
  const src = loadSource(options.kpis ? new Set(options.kpis) : null);
  const faults = [...(options.faults ?? [])];
  const used = new Map<FaultRule, number>();
  const log: MockServer['log'] = [];
  const deletedPerKpi = options.deletedRowsPerKpi ?? 2;
  const kpisWithRows = [...new Set([...src.rows.values()].map((r) => r.kpi))];
  for (const kpi of kpisWithRows) {
    for (let i = 0; i < deletedPerKpi; i++) {
      const muni = src.municipalities[(i * 37 + 5) % src.municipalities.length].id;
      src.rows.set(`${kpi}|${muni}|1900`, {
        kpi,
        municipality: muni,
        period: 1900,
        isdeleted: true,
        updated: BASE_DATE,
        values: [{ gender: 'T', count: 1, status: '', value: 123.456 }],
      });
    }
  }
  let n = 0;
  let baseUrl = '';

  const server = createServer((req, res) => handle(req, res));
  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      ...headers,
    });
    res.end(text);
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', baseUrl);
    const page = Number(url.searchParams.get('page') ?? '1');
    const perPage = Number(url.searchParams.get('per_page') ?? '5000');
    const r: MockRequest = { n: ++n, path: url.pathname, page, url: url.toString() };
    const entry: MockServer['log'][number] = { ...r, status: 200 };
    log.push(entry);

    const fault = faults.find((f) => f.when(r) && (used.get(f) ?? 0) < (f.times ?? 1));
    if (fault) {
      used.set(fault, (used.get(fault) ?? 0) + 1);
      entry.fault = fault.kind;
      if (fault.kind === '429') {
        entry.status = 429;
        return send(res, 429, { error: 'Too Many Requests' }, fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {});
      }
      if (fault.kind === '500') {
        entry.status = 500;
        return send(res, 500, { error: 'Internal Server Error' });
      }
      // a dropped connection: headers and half the body, then the socket is destroyed
      const text = JSON.stringify({ values: [{ kpi: 'X', filler: 'x'.repeat(4000) }], next_url: null });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
      res.write(text.slice(0, 2000), () => res.socket?.destroy());
      return;
    }

    if (!Number.isInteger(page) || page < 1 || !Number.isInteger(perPage) || perPage < 1 || perPage > 5000) {
      entry.status = 400;
      return send(res, 400, { error: `bad page/per_page ${page}/${perPage}` });
    }
    const parts = url.pathname
      .replace(/^\/v3\/?/, '')
      .split('/')
      .filter(Boolean);
    const ids = (s: string | undefined) => (s ? decodeURIComponent(s).split(',') : []);
    for (const p of parts) {
      if (ids(p).length > MAX_IDS) {
        entry.status = 400;
        return send(res, 400, { error: `more than ${MAX_IDS} ids in a path segment` });
      }
    }

    let all: unknown[];
    let nextEmpty: '' | null = null;
    if (parts[0] === 'kpi') {
      const want = parts[1] ? new Set(ids(parts[1])) : null;
      all = want ? src.kpis.filter((k) => want.has(k.id)) : src.kpis;
    } else if (parts[0] === 'municipality' && parts.length <= 2) {
      const want = parts[1] ? new Set(ids(parts[1])) : null;
      all = want ? src.municipalities.filter((m) => want.has(m.id)) : src.municipalities;
    } else if (parts[0] === 'municipality_groups') {
      all = src.groups;
    } else if (parts[0] === 'data' && parts[1] === 'kpi' && parts[3] === 'municipality') {
      const k = new Set(ids(parts[2]));
      const m = new Set(ids(parts[4]));
      const years = parts[5] === 'year' ? new Set(ids(parts[6]).map(Number)) : null;
      const from = url.searchParams.get('from_date');
      all = [...src.rows.values()]
        .filter((row) => k.has(row.kpi) && m.has(row.municipality) && (!years || years.has(row.period)) && (!from || row.updated >= from))
        .map(({ updated: _u, ...row }) => row);
      nextEmpty = '';
    } else {
      entry.status = 404;
      return send(res, 404, { error: `no route ${url.pathname}` });
    }
    const slice = all.slice((page - 1) * perPage, page * perPage);
    let next: string | null = nextEmpty;
    if (page * perPage < all.length) {
      const nu = new URL(url);
      nu.searchParams.set('page', String(page + 1));
      next = nu.toString();
    }
    send(res, 200, { values: slice, count: slice.length, next_url: next });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`;

  return {
    baseUrl,
    log,
    rows: src.rows,
    faults,
    update(kpi, municipality, period, values, date) {
      const key = `${kpi}|${municipality}|${period}`;
      const vs = Object.entries(values).map(([gender, value]) => ({ gender, count: value === null ? 0 : 1, status: '', value }));
      src.rows.set(key, { kpi, municipality, period, values: scramble(vs, key + date), isdeleted: false, updated: date });
    },
    remove(kpi, municipality, period, date) {
      const row = src.rows.get(`${kpi}|${municipality}|${period}`);
      if (!row) throw new Error(`no row ${kpi}|${municipality}|${period}`);
      row.isdeleted = true;
      row.updated = date;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
