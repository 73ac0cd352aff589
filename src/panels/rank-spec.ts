import type { Gender, Kpi, Manifest } from '../data/contract.ts';
import type { RankingRow } from '../queries/ranking.ts';
import type { BarDatum, RankChartSpec } from '../charts/spec.ts';
import type { PeerGroup } from '../peers/peer-group.ts';
import { formatPlace, formatValue, rankDirection } from '../format/number.ts';
import { lowerFirst } from '../format/text.ts';
import { exportMetadata, exportStem } from '../export/export-meta.ts';
import { QUARTILE_LABEL, quartileClass, quartileCuts, type QuartileClass } from './quartiles.ts';
import { QUARTILE_FILL, QUARTILE_ORDER_DIRECTED, QUARTILE_ORDER_NEUTRAL } from './quartile-style.ts';
import { OWN_PROCESSING, rawSourceLine } from './sources.ts';
import { statusFootnotes, valueCell } from './status.ts';
import { GENDER_LABEL } from './series-spec.ts';
import { compareKommunNames } from '../format/kommun-order.ts';

/** A kommun's standing among all kommuner with a value (ties share a place). */
export interface Standing {
  place: number | null;
  value: number | null;
  status: string | null;
  /** kommuner with a value (ranked) */
  of: number;
  /** kommuner without a value (excluded, but counted) */
  missing: number;
}

/**
 * Adds every kommun the data has no row for (period not reported at all) as missing, after the
 * ranked ones, so "N kommuner saknar värde" counts them too.
 */
export function completeRanking(rows: RankingRow[], kommunIds: Iterable<string>, names: ReadonlyMap<string, string>): RankingRow[] {
  const present = new Set(rows.map((r) => r.id));
  const absent = [...kommunIds].filter((id) => !present.has(id)).sort((a, b) => compareKommunNames(names.get(a) ?? a, names.get(b) ?? b));
  return [...rows, ...absent.map((id) => ({ id, value: null, status: null, place: null }))];
}

export function standing(rows: RankingRow[], id: string): Standing {
  const row = rows.find((r) => r.id === id);
  const of = rows.filter((r) => r.value !== null).length;
  return { place: row?.place ?? null, value: row?.value ?? null, status: row?.status ?? null, of, missing: rows.length - of };
}

/** "plats 37 av 287", or why there is no place. */
export function placeText(s: Standing): string {
  return s.place === null ? `ingen placering (värde saknas${s.status ? `, ${s.status}` : ''})` : formatPlace(s.place, s.of);
}

export function missingText(missing: number, period: string): string {
  if (missing === 0) return `Alla kommuner har värde ${period}.`;
  return `${missing} ${missing === 1 ? 'kommun saknar' : 'kommuner saknar'} värde ${period} och ingår inte i rangordningen.`;
}

/** Which end is place 1, in words. */
export function orderText(higherIsBetter: boolean | null): string {
  if (higherIsBetter === false) return 'Lägst värde ger plats 1 (lägre är bättre).';
  if (higherIsBetter === true) return 'Högst värde ger plats 1 (högre är bättre).';
  return 'Högst värde ger plats 1; högt är varken bättre eller sämre för det här nyckeltalet.';
}

/** Each kommun's Kolada-style quartile class (25/50/25 by value among kommuner with a value), by id. */
export function rankQuartiles(rows: RankingRow[], higherIsBetter: boolean | null): Map<string, QuartileClass> {
  const cuts = quartileCuts(rows.map((r) => r.value));
  return new Map(rows.map((r) => [r.id, quartileClass(r.value, cuts, higherIsBetter)]));
}

/** Legend order of the quartile classes for a KPI's direction. */
export const quartileOrder = (higherIsBetter: boolean | null) =>
  higherIsBetter === null ? QUARTILE_ORDER_NEUTRAL : QUARTILE_ORDER_DIRECTED;

export interface RankSpecArgs {
  kpi: Kpi;
  period: string;
  gender: Gender;
  rows: RankingRow[];
  names: ReadonlyMap<string, string>;
  /** the highlighted kommun, if any */
  focusId: string | null;
  /** its peer group; 'alla' highlights nobody (everybody is a peer) */
  group: PeerGroup | null;
  manifest: Manifest;
}

/** All kommuner for one KPI and period as a sorted column chart with the kommun and its peers named. */
export function buildRankSpec(a: RankSpecArgs): RankChartSpec {
  const { kpi, period, rows, names, focusId, manifest } = a;
  const peers = new Set(a.group && a.group.kind !== 'alla' ? a.group.members : []);
  const name = (id: string) => names.get(id) ?? id;
  const role = (id: string): BarDatum['role'] => (id === focusId ? 'focus' : peers.has(id) ? 'peer' : 'other');
  const quartiles = rankQuartiles(rows, kpi.higher_is_better);
  const quartileOf = (id: string) => quartiles.get(id) ?? 'missing';
  const bars: BarDatum[] = rows.map((r) => ({
    id: r.id,
    label: name(r.id),
    value: r.value,
    role: role(r.id),
    ...(r.status ? { note: r.status } : {}),
    fill: QUARTILE_FILL[quartileOf(r.id)],
    className: `quartile-${quartileOf(r.id)}`,
  }));
  const s = focusId ? standing(rows, focusId) : standing(rows, '');
  const genderPart = kpi.is_divided_by_gender ? `, ${GENDER_LABEL[a.gender]}` : '';
  const groupPart = focusId && peers.size ? ` och ${lowerFirst(a.group!.label)}` : '';
  const subtitle = `Alla kommuner ${period}${genderPart}, sorterade efter värde.${focusId ? ` ${name(focusId)}${groupPart} markerade och namngivna.` : ''} ${orderText(kpi.higher_is_better)}`;

  const ranked = rows.filter((r) => r.value !== null);
  const first = ranked[0];
  const last = ranked.at(-1);
  const parts: string[] = [];
  if (focusId) {
    parts.push(
      s.place === null
        ? `${name(focusId)} saknar värde ${period}${s.status ? ` (${s.status})` : ''} och har ingen placering bland ${s.of} kommuner med värde.`
        : `${name(focusId)} hade ${formatValue(s.value, kpi.unit)} ${period}, ${placeText(s)} kommuner med värde (${rankDirection(kpi.higher_is_better)}), ${QUARTILE_LABEL[quartileOf(focusId)]}.`,
    );
  }
  if (first && last)
    parts.push(
      `Plats 1: ${name(first.id)} (${formatValue(first.value, kpi.unit)}); sist: ${name(last.id)} (${formatValue(last.value, kpi.unit)}).`,
    );
  else parts.push(`Ingen kommun har värde ${period}.`);
  if (s.missing) parts.push(missingText(s.missing, period));

  const footnotes = statusFootnotes(rows.map((r) => (r.value === null ? r.status : null)));
  const sources = [
    rawSourceLine(kpi, manifest),
    manifest.sample ? 'Placeringar: egen bearbetning av exempeldata' : `${OWN_PROCESSING} (placeringar, kvartiler)`,
    ...(s.missing ? [missingText(s.missing, period)] : []),
  ];
  const focus = focusId ? { id: focusId, name: name(focusId) } : null;
  const meta = exportMetadata({
    kpi,
    kommun: focus,
    group: focus && peers.size ? a.group : null,
    names,
    periods: [period],
    gender: kpi.is_divided_by_gender ? GENDER_LABEL[a.gender] : null,
    sources,
    manifest,
  });
  const present = new Set(rows.map((r) => quartileOf(r.id)));
  return {
    kind: 'rank',
    id: `rank-${kpi.id}-${period}-${a.gender}`,
    title: kpi.title,
    subtitle,
    unit: kpi.unit,
    bars,
    missing: s.missing,
    ...(focusId && peers.size ? { peerLabel: a.group!.label } : {}),
    quartileLegend: quartileOrder(kpi.higher_is_better)
      .filter((q) => q !== 'missing' && present.has(q))
      .map((q) => ({ id: q, label: QUARTILE_LABEL[q], fill: QUARTILE_FILL[q] })),
    sources,
    summary: parts.join(' '),
    table: {
      caption: `${kpi.title}, alla kommuner ${period}${genderPart}`,
      unit: kpi.unit,
      columns: ['Kommun', `Plats (${rankDirection(kpi.higher_is_better)})`, 'Värde', 'Kvartil', 'Markerad'],
      rows: rows.map((r) => [
        name(r.id),
        r.place,
        valueCell(r.value, r.status),
        QUARTILE_LABEL[quartileOf(r.id)],
        r.id === focusId ? 'Vald kommun' : peers.has(r.id) ? 'Jämförelsegrupp' : '',
      ]),
      ...(footnotes.length ? { footnotes: [...footnotes, 'Kommuner utan värde saknar placering.'] } : {}),
    },
    fileStem: exportStem({ ...meta, kommun: null, group: null }, [
      period,
      a.gender,
      'rangordning',
      ...(focusId ? [name(focusId), focusId] : []),
      ...(focus && peers.size && a.group ? [a.group.kind, ...(a.group.edition !== null ? [String(a.group.edition)] : [])] : []),
    ]),
    meta,
  };
}
