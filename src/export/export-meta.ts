import type { ChartTable, ExportMeta } from '../charts/spec.ts';
import type { Kpi, Manifest, Municipality } from '../data/contract.ts';
import type { PeerGroup } from '../peers/peer-group.ts';
import type { MemberValue } from '../queries/member-values.ts';
import { decimalsFor } from '../format/number.ts';
import { lowerFirst } from '../format/text.ts';
import { safeFileName } from './download.ts';
import { compareKommunNames } from '../format/kommun-order.ts';

export interface ExportMetaArgs {
  kpi: Pick<Kpi, 'id' | 'title' | 'unit'>;
  kommun: Pick<Municipality, 'id' | 'name'> | null;
  group: PeerGroup | null;
  names: ReadonlyMap<string, string>;
  periods: readonly string[];
  gender: string | null;
  sources: string[];
  manifest: Manifest;
}

/**
 * The one description of an export, shared by CSV, xlsx, docx and pptx: title, KPI, kommun, group
 * (members and edition), periods, sources and retrieval date. The export date is added when a file is made.
 */
export function exportMetadata(a: ExportMetaArgs): ExportMeta {
  const name = (id: string) => a.names.get(id) ?? id;
  const first = a.periods[0];
  const last = a.periods.at(-1);
  return {
    title: a.kpi.title,
    kpiId: a.kpi.id,
    unit: a.kpi.unit,
    decimals: decimalsFor(a.kpi.unit),
    kommun: a.kommun ? { id: a.kommun.id, name: a.kommun.name } : null,
    group: a.group
      ? {
          kind: a.group.kind,
          label: a.group.label,
          description: a.group.description,
          edition: a.group.edition,
          members: a.group.members.map((id) => ({ id, name: name(id) })),
        }
      : null,
    periods: first === undefined ? '' : first === last ? first : `${first}–${last}`,
    gender: a.gender,
    sources: a.sources,
    retrieved: a.manifest.retrieved,
    sample: a.manifest.sample,
  };
}

/** Label–value pairs in Swedish, in the order every export writes them. `exported` is today's date (YYYY-MM-DD). */
export function metadataRows(meta: ExportMeta, exported: string): [string, string][] {
  const rows: [string, string][] = [
    ['Titel', meta.title],
    ['Nyckeltal', `${meta.kpiId}${meta.unit ? ` (${meta.unit})` : ''}`],
  ];
  if (meta.kommun) rows.push(['Kommun', `${meta.kommun.name} (${meta.kommun.id})`]);
  if (meta.group) {
    rows.push(['Jämförelsegrupp', meta.group.label]);
    rows.push(['Gruppens definition', meta.group.description]);
    rows.push(['Utgåva', meta.group.edition === null ? 'ingen (gruppen har ingen utgåva)' : String(meta.group.edition)]);
    rows.push(['Medlemmar', meta.group.members.length ? meta.group.members.map((m) => `${m.name} (${m.id})`).join(', ') : 'inga']);
  }
  if (meta.periods) rows.push(['Period', meta.periods]);
  if (meta.gender) rows.push(['Kön', meta.gender]);
  meta.sources.forEach((s, i) => rows.push([i === 0 ? 'Källa' : i === 1 ? 'Bearbetning' : 'Not', s]));
  rows.push(['Data hämtad', meta.sample ? 'exempeldata – inte officiell statistik' : (meta.retrieved ?? 'okänt datum')]);
  rows.push(['Exporterad', exported]);
  return rows;
}

/** Today's date in Sweden as YYYY-MM-DD (sv-SE formats dates as ISO). */
export function todayIso(now = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}

/** A file-name stem that says what is inside: KPI, kommun (name and code), group and edition. */
export function exportStem(meta: ExportMeta, extra: string[] = []): string {
  const group = meta.group ? `${meta.group.kind}${meta.group.edition !== null ? `_${meta.group.edition}` : ''}` : '';
  const parts = [meta.kpiId, ...(meta.kommun ? [meta.kommun.name, meta.kommun.id] : []), group, ...extra].filter(Boolean);
  return safeFileName(parts.join('_'), '');
}

/**
 * Each member's own value per period, kommun first then members by name: the rows an auditor needs
 * to rebuild a comparison table. Cells are numbers, a status marker ("..") or null.
 */
export function memberTable(a: {
  kpi: Pick<Kpi, 'title' | 'unit'>;
  kommun: Pick<Municipality, 'id' | 'name'>;
  group: PeerGroup;
  names: ReadonlyMap<string, string>;
  periods: readonly string[];
  values: readonly MemberValue[];
}): ChartTable {
  const name = (id: string) => a.names.get(id) ?? id;
  const byKey = new Map(a.values.map((v) => [`${v.id}|${v.period}`, v]));
  const members = [...a.group.members].sort((x, y) => compareKommunNames(name(x), name(y)));
  const row = (id: string, role: string) => [
    name(id),
    id,
    role,
    ...a.periods.map((p) => {
      const v = byKey.get(`${id}|${p}`);
      return v ? (v.value ?? v.status ?? null) : null;
    }),
  ];
  return {
    caption: `${a.kpi.title}: värde per kommun och år, ${a.kommun.name} och ${lowerFirst(a.group.label)}`,
    unit: a.kpi.unit,
    columns: ['Kommun', 'Kod', 'Roll', ...a.periods],
    rows: [row(a.kommun.id, 'Vald kommun'), ...members.map((id) => row(id, 'Medlem'))],
  };
}
