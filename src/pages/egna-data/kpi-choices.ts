import type { Kpi } from '../../data/contract.ts';
import type { KpiInFile } from '../../import/worker/import-session.ts';
import { PANEL_KPIS, panelParent } from '../../import/panel-kpis.ts';
import { OWN_DATA_SOURCE } from '../../panels/own-sources.ts';

/** What the user says one KPI of the file is. */
export interface KpiChoice {
  fileId: string;
  id: string;
  title: string;
  unit: string;
}

const ID = /^[A-Za-z0-9_]{1,64}$/;

/** Defaults: a known id keeps its definition; a panel KPI id gets the panel's title and unit. */
export function defaultChoice(k: KpiInFile, known: readonly Kpi[]): KpiChoice {
  const def = known.find((x) => x.id === k.id) ?? PANEL_KPIS.find((x) => x.id === k.id);
  return { fileId: k.id, id: k.id, title: def?.title ?? k.id.replace(/_/g, ' '), unit: def?.unit ?? '' };
}

/** A reason the choices cannot be used, or null. */
export function choiceProblem(choices: readonly KpiChoice[]): string | null {
  const bad = choices.find((c) => !ID.test(c.id));
  if (bad) return `Nyckeltals-id ”${bad.id}” går inte att använda: använd bokstäver, siffror och understreck (högst 64 tecken).`;
  const ids = choices.map((c) => c.id.toUpperCase());
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) return `Två nyckeltal i filen kan inte läggas in som samma id (${dup}).`;
  const untitled = choices.find((c) => c.title.trim() === '');
  if (untitled) return `Ange en titel för ${untitled.id}.`;
  return null;
}

/**
 * The KPI definitions an import adds to the runtime list: ids the site already knows keep theirs;
 * panel KPIs (X90001, X40001 …) take the panel's definition and bring their panel parent along.
 */
export function kpiDefinitions(choices: readonly KpiChoice[], files: readonly KpiInFile[], known: readonly Kpi[], fileName: string): Kpi[] {
  const source = `${OWN_DATA_SOURCE}: ${fileName}`;
  const out: Kpi[] = [];
  const has = (id: string) => known.some((k) => k.id === id) || out.some((k) => k.id === id);
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
      description: `Egna data inlästa från ${fileName}.`,
      source,
      higher_is_better: template?.higher_is_better ?? null,
      parent: template?.parent ?? null,
      breakdown: template?.breakdown ?? null,
    });
    const parent = panelParent(c.id);
    if (parent && !has(parent.id)) out.push({ ...parent, source, description: `Egna data inlästa från ${fileName}.` });
  }
  return out;
}
