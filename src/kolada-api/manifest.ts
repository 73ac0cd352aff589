/** The manifest written next to the contract files (a superset of the contract's `manifest.json`). */
import type { Manifest } from '../data/contract.ts';

export interface KoladaManifest extends Manifest {
  /** ISO time the refresh finished */
  retrieved_at: string;
  api: { base_url: string; version: string };
  /** the KPIs fetched (panel configuration + `--kpis-file`) */
  kpis: string[];
  /** `--since` of an incremental update, null for a full refresh */
  since: string | null;
  /** previous retrieval an incremental update was merged into */
  merged_into: string | null;
  rows: { values: number; kpis: number; municipalities: number; groups: number };
  requests: { pages: number; from_resume_cache: number; retries: number };
}

export function buildManifest(p: {
  now: Date;
  baseUrl: string;
  version: string;
  kpis: string[];
  since: string | null;
  mergedInto: string | null;
  rows: KoladaManifest['rows'];
  requests: KoladaManifest['requests'];
}): KoladaManifest {
  return {
    name: 'Kolada',
    sample: false,
    retrieved: p.now.toISOString().slice(0, 10),
    source: 'Kolada (RKA)',
    licence: 'CC BY 4.0',
    retrieved_at: p.now.toISOString(),
    api: { base_url: p.baseUrl, version: p.version },
    kpis: p.kpis,
    since: p.since,
    merged_into: p.mergedInto,
    rows: p.rows,
    requests: p.requests,
  };
}
