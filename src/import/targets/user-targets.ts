/**
 * Målvärden set on the page: per kommun and KPI a value, ≥ or ≤, a year or a span of years and a
 * source text. Expanded to the data contract's targets (one row per year; the file form is
 * targets-file.ts), and packed into a URL parameter so a shared link shows the same targets.
 * A target is never a value: it is not in kpi_values, so it is never ranked or averaged.
 */
import type { Target } from '../../data/contract.ts';

export interface UserTarget {
  municipality_id: string;
  kpi: string;
  target: number;
  comparison: '>=' | '<=';
  from: string;
  to: string;
  source_text: string;
}

export const MAX_TARGET_YEARS = 30;
const KOMMUN = /^\d{4}$/;
const KPI = /^[A-Za-z0-9_]{1,64}$/;
const YEAR = /^(19|20)\d{2}$/;

/** Why a target cannot be used (Swedish), or null. */
export function targetProblem(t: UserTarget, known?: { municipalities: ReadonlySet<string> }): string | null {
  if (!KOMMUN.test(t.municipality_id) || (known && !known.municipalities.has(t.municipality_id)))
    return `Okänd kommun ”${t.municipality_id}”. Välj en kommun i listan.`;
  if (!KPI.test(t.kpi)) return `Nyckeltals-id ”${t.kpi}” går inte att använda: välj ett nyckeltal i listan.`;
  if (!Number.isFinite(t.target)) return 'Målvärdet måste vara ett tal, t.ex. 90 eller 7,5.';
  if (t.comparison !== '>=' && t.comparison !== '<=') return 'Välj om utfallet ska vara minst (≥) eller högst (≤) målvärdet.';
  if (!YEAR.test(t.from) || !YEAR.test(t.to)) return 'Ange år med fyra siffror, t.ex. 2024.';
  if (Number(t.to) < Number(t.from)) return `Slutåret ${t.to} ligger före startåret ${t.from}.`;
  if (Number(t.to) - Number(t.from) >= MAX_TARGET_YEARS) return `Ett mål kan gälla högst ${MAX_TARGET_YEARS} år.`;
  if (t.source_text.length > 300) return 'Källan får vara högst 300 tecken.';
  return null;
}

/** One contract row per year of each target. */
export function expandTargets(list: readonly UserTarget[]): Target[] {
  const out: Target[] = [];
  for (const t of list) {
    if (targetProblem(t)) continue;
    for (let y = Number(t.from); y <= Number(t.to); y++)
      out.push({
        municipality_id: t.municipality_id,
        kpi: t.kpi,
        period: String(y),
        target: t.target,
        comparison: t.comparison,
        source_text: t.source_text,
      });
  }
  return out;
}

/** Contract rows back to targets: consecutive years with the same value, sign and source join into a span. */
export function collapseTargets(rows: readonly Target[]): UserTarget[] {
  const sorted = [...rows].sort(
    (a, b) => a.municipality_id.localeCompare(b.municipality_id) || a.kpi.localeCompare(b.kpi) || a.period.localeCompare(b.period),
  );
  const out: UserTarget[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (
      last &&
      last.municipality_id === r.municipality_id &&
      last.kpi === r.kpi &&
      last.target === r.target &&
      last.comparison === r.comparison &&
      last.source_text === (r.source_text ?? '') &&
      Number(r.period) === Number(last.to) + 1
    )
      last.to = r.period;
    else
      out.push({
        municipality_id: r.municipality_id,
        kpi: r.kpi,
        target: r.target,
        comparison: r.comparison,
        from: r.period,
        to: r.period,
        source_text: r.source_text ?? '',
      });
  }
  return out;
}

/** URL parameter value of one target: `1286~U31462~ge~90~2022-2024~Socialnämndens plan`. */
export function encodeTarget(t: UserTarget): string {
  return [
    t.municipality_id,
    t.kpi,
    t.comparison === '>=' ? 'ge' : 'le',
    String(t.target),
    t.from === t.to ? t.from : `${t.from}-${t.to}`,
    t.source_text,
  ].join('~');
}

/** The reverse of encodeTarget; null for anything malformed (a link is untrusted input). */
export function decodeTarget(s: string): UserTarget | null {
  const [m, kpi, cmp, value, years, ...rest] = String(s).split('~');
  const span = /^(\d{4})(?:-(\d{4}))?$/.exec(years ?? '');
  if (!span || (cmp !== 'ge' && cmp !== 'le') || !/^-?\d+(\.\d+)?$/.test(value ?? '')) return null;
  const t: UserTarget = {
    municipality_id: m ?? '',
    kpi: kpi ?? '',
    comparison: cmp === 'ge' ? '>=' : '<=',
    target: Number(value),
    from: span[1],
    to: span[2] ?? span[1],
    source_text: rest.join('~').slice(0, 300),
  };
  return targetProblem(t) ? null : t;
}

export const sameTarget = (a: UserTarget, b: UserTarget) => encodeTarget(a) === encodeTarget(b);
