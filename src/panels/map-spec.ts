import type { Kpi } from '../data/contract.ts';
import type { MapArea, MapChartSpec, MapClass } from '../charts/spec.ts';
import type { RankSpecArgs } from './rank-spec.ts';
import { formatValue } from '../format/number.ts';
import { QUARTILE_LABEL, quartileClass, quartileCuts, type QuartileCuts } from './quartiles.ts';
import { OWN_PROCESSING, rawSourceLine } from './sources.ts';
import { valueCell } from './status.ts';
import { safeFileName } from '../export/download.ts';
import { GENDER_LABEL } from './series-spec.ts';
import { compareKommunNames } from '../format/kommun-order.ts';

/** Credit for the boundaries (../shared/data/geo/SOURCES.md), on every map and on Om data. */
export const BOUNDARY_SOURCE = 'Kommungränser: Valmyndigheten via okfse/sweden-geojson';

/** The ranking's arguments (the map draws the same kommuner and marks), plus län names for its table. */
export interface MapSpecArgs extends RankSpecArgs {
  /** län name per kommun, for the table */
  lanNames?: ReadonlyMap<string, string>;
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Legend order and the value range of each class in words. */
function classLegend(kpi: Kpi, cuts: QuartileCuts | null, missing: number): MapChartSpec['classes'] {
  const v = (x: number) => formatValue(x, kpi.unit);
  const classes: MapChartSpec['classes'] = [];
  if (cuts) {
    const high = `${v(cuts.q3)} eller mer`;
    const low = `${v(cuts.q1)} eller mindre`;
    const mid = `mellan ${v(cuts.q1)} och ${v(cuts.q3)}`;
    const order: [MapClass, string][] =
      kpi.higher_is_better === null
        ? [
            ['neutral-high', high],
            ['neutral-middle', mid],
            ['neutral-low', low],
          ]
        : [
            ['best', kpi.higher_is_better ? high : low],
            ['middle', mid],
            ['worst', kpi.higher_is_better ? low : high],
          ];
    for (const [cls, range] of order)
      classes.push({
        cls,
        label:
          cuts.q1 === cuts.q3 && cls !== 'middle' && cls !== 'neutral-middle'
            ? upperFirst(QUARTILE_LABEL[cls])
            : `${upperFirst(QUARTILE_LABEL[cls])} (${range})`,
      });
  }
  if (missing) classes.push({ cls: 'missing', label: `Värde saknas (${missing})` });
  return classes;
}

/**
 * All kommuner on a map for one KPI and period: Kolada-style quartile classes read through the
 * KPI's direction (best / middle / worst), or by value when neither direction is better.
 */
export function buildMapSpec(a: MapSpecArgs): MapChartSpec {
  const { kpi, period, rows, names, focusId, manifest } = a;
  const peers = new Set(focusId && a.group && a.group.kind !== 'alla' ? a.group.members : []);
  const name = (id: string) => names.get(id) ?? id;
  const cuts = quartileCuts(rows.map((r) => r.value));
  const areas: MapArea[] = rows.map((r) => ({
    id: r.id,
    label: name(r.id),
    value: r.value,
    cls: quartileClass(r.value, cuts, kpi.higher_is_better),
    role: r.id === focusId ? 'focus' : peers.has(r.id) ? 'peer' : 'other',
    ...(r.value === null && r.status ? { note: r.status } : {}),
  }));
  const byId = new Map(areas.map((x) => [x.id, x]));
  const missing = areas.filter((x) => x.value === null).length;
  const classes = classLegend(kpi, cuts, missing);
  const label = (cls: MapClass) => classes.find((c) => c.cls === cls)?.label.replace(/ \(.*$/, '') ?? QUARTILE_LABEL[cls];
  const genderPart = kpi.is_divided_by_gender ? `, ${GENDER_LABEL[a.gender]}` : '';
  const direction =
    kpi.higher_is_better === null
      ? 'Klasser efter värde (högt är inte självklart bättre)'
      : `Klasser som i Kolada: bästa fjärdedelen, mittersta hälften och sämsta fjärdedelen (${kpi.higher_is_better ? 'högre' : 'lägre'} är bättre)`;
  const focus = focusId ? areas.find((x) => x.id === focusId) : undefined;
  const groupPart =
    focus && peers.size
      ? ` ${focus.label} och ${a.group!.label.charAt(0).toLowerCase()}${a.group!.label.slice(1)} inringade.`
      : focus
        ? ` ${focus.label} inringad.`
        : '';

  const parts: string[] = [];
  if (focus)
    parts.push(
      focus.value === null
        ? `${focus.label} saknar värde ${period}.`
        : `${focus.label} hade ${formatValue(focus.value, kpi.unit)} ${period} och hör till ${label(focus.cls).toLowerCase()} av kommunerna.`,
    );
  if (peers.size) {
    const counts = new Map<MapClass, number>();
    for (const x of areas) if (x.role === 'peer') counts.set(x.cls, (counts.get(x.cls) ?? 0) + 1);
    const listed = classes
      .filter((c) => counts.get(c.cls))
      .map((c) => (c.cls === 'missing' ? `${counts.get(c.cls)} utan värde` : `${counts.get(c.cls)} i ${label(c.cls).toLowerCase()}`));
    parts.push(`Av jämförelsegruppens ${peers.size} kommuner finns ${listed.join(', ')}.`);
  }
  if (cuts)
    parts.push(
      `Gränserna för fjärdedelarna är ${formatValue(cuts.q1, kpi.unit)} och ${formatValue(cuts.q3, kpi.unit)} (${cuts.n} kommuner med värde).`,
    );
  else parts.push(`Ingen kommun har värde ${period}.`);

  return {
    kind: 'map',
    id: `map-${kpi.id}-${period}-${a.gender}`,
    title: kpi.title,
    subtitle: `Alla kommuner ${period}${genderPart}. ${direction}.${groupPart}`,
    unit: kpi.unit,
    areas,
    classes,
    ...(focus && peers.size ? { peerLabel: a.group!.label } : {}),
    sources: [
      rawSourceLine(kpi, manifest),
      manifest.sample ? 'Klassindelning: egen bearbetning av exempeldata' : `${OWN_PROCESSING} (klassindelning i fjärdedelar)`,
      BOUNDARY_SOURCE,
    ],
    summary: parts.join(' '),
    table: {
      caption: `${kpi.title}, alla kommuner ${period}${genderPart}, klass på kartan`,
      unit: kpi.unit,
      columns: ['Kommun', 'Län', 'Värde', 'Klass', 'Markerad'],
      rows: [...rows]
        .sort((x, y) => compareKommunNames(name(x.id), name(y.id)))
        .map((r) => {
          const area = byId.get(r.id)!;
          return [
            name(r.id),
            a.lanNames?.get(r.id) ?? '',
            valueCell(r.value, r.status),
            label(area.cls),
            area.role === 'focus' ? 'Vald kommun' : area.role === 'peer' ? 'Jämförelsegrupp' : '',
          ];
        }),
    },
    // As the ranking's: KPI, year, gender, then the marked kommun and its group with edition.
    fileStem: safeFileName(
      [
        kpi.id,
        period,
        a.gender,
        'karta',
        ...(focusId ? [name(focusId), focusId] : []),
        ...(focus && peers.size ? [a.group!.kind, ...(a.group!.edition !== null ? [String(a.group!.edition)] : [])] : []),
      ].join('_'),
      '',
    ),
  };
}
