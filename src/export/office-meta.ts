import type { ChartSpec } from '../charts/spec.ts';
import type { Kpi, Manifest, Municipality } from '../data/contract.ts';
import type { PeerGroup } from '../peers/peer-group.ts';
import { SAMPLE_NOTE } from '../panels/sources.ts';

/**
 * What an exported document says about a chart: title, KPI, kommun, group and edition, sources and
 * dates. The office exports (xlsx, docx, pptx) read it from here only, so one shared export-metadata
 * function can replace this adapter without touching them.
 */
export interface ExportMeta {
  title: string;
  subtitle: string;
  kpiId: string | null;
  definition: string;
  unit: string;
  kommun: string | null;
  group: string | null;
  edition: number | null;
  sources: string[];
  /** the data's retrieval date (ISO), null for sample data or when unknown */
  retrieved: string | null;
  sample: boolean;
  /** the day the file was made (ISO) */
  created: string;
}

/** What a page knows about a chart besides its spec. */
export interface ExportAbout {
  kpi?: Pick<Kpi, 'id' | 'title' | 'description' | 'unit'> | null;
  kommun?: Pick<Municipality, 'id' | 'name'> | null;
  group?: Pick<PeerGroup, 'label' | 'description' | 'edition'> | null;
  manifest?: Pick<Manifest, 'sample' | 'retrieved' | 'source'> | null;
}

export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function exportMeta(spec: ChartSpec, about: ExportAbout = {}): ExportMeta {
  const sample = about.manifest?.sample ?? spec.sources.some((s) => s.startsWith(SAMPLE_NOTE));
  return {
    title: spec.title,
    subtitle: spec.subtitle,
    kpiId: about.kpi?.id ?? null,
    definition: about.kpi?.description ?? '',
    unit: spec.unit,
    kommun: about.kommun?.name ?? null,
    group: about.group?.label ?? null,
    edition: about.group?.edition ?? null,
    sources: spec.sources,
    retrieved: sample ? null : (about.manifest?.retrieved ?? null),
    sample,
    created: today(),
  };
}
