import type { Kpi } from '../../data/contract.ts';
import type { KpiInFile } from '../worker/import-session.ts';
import { DESTINATIONS, guessDestination, isDestination, PANEL_KPIS, panelParent } from '../destinations.ts';
import { ownDataSource } from '../own-source.ts';

/** What the user says one series of the file is: a dashboard slot, a known KPI, or an own KPI. */
export interface KpiChoice {
  fileId: string;
  kind: 'slot' | 'known' | 'own';
  id: string;
  title: string;
  unit: string;
}

const ID = /^[A-Za-z0-9_]{1,64}$/;

/** "Sjukfrånvaro (%)" → "EGEN_SJUKFRANVARO": a valid id for an own KPI. */
export function ownIdFor(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase()
    .slice(0, 40);
  if (ID.test(name) && !isDestination(name)) return name;
  return `EGEN_${slug || 'SERIE'}`;
}

/**
 * Defaults: a slot guessed from the series' names; a known id (the catalogue) keeps its official
 * definition; anything else is an own KPI named after the series.
 */
export function defaultChoice(k: KpiInFile, all: readonly KpiInFile[], lookup: (id: string) => Kpi | undefined, hint = ''): KpiChoice {
  const slot = isDestination(k.id)
    ? k.id
    : guessDestination(
        k.id,
        all.map((x) => x.id),
        hint,
      );
  if (slot) return slotChoice(k.id, slot);
  const known = lookup(k.id);
  if (known) return { fileId: k.id, kind: 'known', id: known.id, title: known.title, unit: known.unit };
  const unit = /%/.test(k.id) ? '%' : '';
  return { fileId: k.id, kind: 'own', id: ownIdFor(k.id), title: k.id.replace(/_/g, ' '), unit };
}

export function slotChoice(fileId: string, slot: string): KpiChoice {
  const def = PANEL_KPIS.find((x) => x.id === slot)!;
  return { fileId, kind: 'slot', id: slot, title: def.title, unit: def.unit };
}

/** The label of a choice's destination, for lists. */
export function destinationLabel(c: KpiChoice): string {
  if (c.kind === 'slot') return DESTINATIONS.find((d) => d.id === c.id)?.label ?? c.id;
  return c.kind === 'known' ? `${c.title} (${c.id})` : `Eget nyckeltal: ${c.title}`;
}

/** A reason the choices cannot be used, or null. */
export function choiceProblem(choices: readonly KpiChoice[]): string | null {
  const bad = choices.find((c) => !ID.test(c.id));
  if (bad)
    return `Nyckeltals-id ”${bad.id}” för ”${bad.fileId}” går inte att använda: använd bokstäver, siffror och understreck (högst 64 tecken).`;
  const seen = new Map<string, string>();
  for (const c of choices) {
    const other = seen.get(c.id.toUpperCase());
    if (other !== undefined) return `”${other}” och ”${c.fileId}” kan inte läggas in som samma nyckeltal (${c.id}). Välj olika mål.`;
    seen.set(c.id.toUpperCase(), c.fileId);
  }
  const untitled = choices.find((c) => c.title.trim() === '');
  if (untitled) return `Ange en titel för ${untitled.id}.`;
  return null;
}

/**
 * The KPI definitions an import adds to the runtime list: ids the site already knows keep theirs;
 * panel KPIs (X90001, X40001 …) take the panel's definition and bring their panel parent along.
 */
export function kpiDefinitions(
  choices: readonly KpiChoice[],
  files: readonly KpiInFile[],
  known: readonly Kpi[],
  fileName: string,
  importedAt: string,
): Kpi[] {
  const source = ownDataSource(fileName, importedAt);
  const out: Kpi[] = [];
  const has = (id: string) => known.some((k) => k.id === id) || out.some((k) => k.id === id);
  const description = `Egna data inlästa från ${fileName}.`;
  for (const c of choices) {
    if (has(c.id)) continue;
    const template = PANEL_KPIS.find((x) => x.id === c.id);
    const file = files.find((f) => f.id === c.fileId);
    const byGender = !!file && file.genders.some((g) => g !== 'T');
    out.push({
      id: c.id,
      title: c.title.trim(),
      unit: c.unit.trim(),
      is_divided_by_gender: byGender || (template?.is_divided_by_gender ?? false),
      description,
      source,
      higher_is_better: template?.higher_is_better ?? null,
      parent: template?.parent ?? null,
      breakdown: template?.breakdown ?? null,
    });
    const parent = panelParent(c.id);
    if (parent && !has(parent.id)) out.push({ ...parent, source, description });
  }
  return out;
}
