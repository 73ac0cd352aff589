import type { ChartSpec, ChartTable } from '../charts/spec.ts';
import type { Kpi, Manifest, Municipality } from '../data/contract.ts';
import type { PeerGroup } from '../peers/peer-group.ts';
import { todayIso } from './export-meta.ts';

/**
 * What an office file (xlsx, docx, pptx) says about a chart: title, KPI and its definition, kommun,
 * group and edition, sources and dates. The office exports read it from here only. A chart spec
 * that carries the shared export description (`spec.meta`, from exportMetadata()) is preferred;
 * otherwise the page's `about` (KPI, kommun, group) and the spec fill it in.
 */
export interface OfficeMeta {
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

export function exportMeta(spec: ChartSpec, about: ExportAbout = {}): OfficeMeta {
  const m = spec.meta;
  const sample = m?.sample ?? about.manifest?.sample ?? spec.sources.some((s) => s.startsWith('Exempeldata'));
  return {
    title: spec.title,
    subtitle: spec.subtitle,
    kpiId: m?.kpiId ?? about.kpi?.id ?? null,
    definition: about.kpi?.description ?? '',
    unit: spec.unit,
    kommun: (m ? m.kommun?.name : undefined) ?? about.kommun?.name ?? null,
    group: (m ? m.group?.label : undefined) ?? about.group?.label ?? null,
    edition: (m?.group ? m.group.edition : undefined) ?? about.group?.edition ?? null,
    sources: spec.sources,
    retrieved: sample ? null : (m?.retrieved ?? about.manifest?.retrieved ?? null),
    sample,
    created: todayIso(),
  };
}

/** Each member's own value per period, where the spec carries it (the table alternative's member rows). */
export function memberTableOf(spec: ChartSpec): ChartTable | null {
  return spec.memberTable ?? null;
}

/** The title page of a kommun's office files (Word, PowerPoint). */
export interface ReportCover {
  kommun: string;
  /** "Liknande kommuner ekonomiskt bistånd (utgåva 2023)" */
  group: string;
  /** "… – Koladas grupp, utgåva 2023"; may be empty */
  groupDescription: string;
  edition: number | null;
  members: number;
  /** data source and retrieval date, or the sample-data note */
  sourceNote: string;
  /** ISO date the document was made */
  created: string;
}

/** The cover's title and its lines, in order; the last says when and with what it was made. */
export function coverText(cover: ReportCover): { title: string; lines: string[] } {
  return {
    title: `Nyckeltal för ${cover.kommun}`,
    lines: [
      `Jämfört med ${cover.group}${cover.members ? ` (${cover.members} kommuner)` : ''}.`,
      ...(cover.groupDescription ? [cover.groupDescription] : []),
      ...(cover.edition !== null ? [`Gruppens utgåva: ${cover.edition}`] : []),
      cover.sourceNote,
      `Skapad ${cover.created} med Jämför.`,
    ],
  };
}
