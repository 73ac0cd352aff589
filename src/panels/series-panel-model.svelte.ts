import type { AppContext } from '../state/context.ts';
import type { Gender, Kpi } from '../data/contract.ts';
import type { PanelContext } from './panel-context.ts';
import { QueryResource } from '../state/query.svelte.ts';
import { buildSeriesSpec, GENDER_LABEL } from './series-spec.ts';
import { keyFigures } from './stats-line.ts';
import { qualityNotes } from './quality-notes.ts';
import { targetFigure } from './target-status.ts';
import type { PanelProps } from './panel-components.ts';
import { userData } from '../import/store/user-data.svelte.ts';
import { importedSourceLines, isOwnData } from './own-sources.ts';
import { kpiById, municipalityNames } from '../data/site-meta.ts';
import type { PanelSeriesRequest } from '../queries/panel-series.ts';
import { memberValuesForPanel } from '../queries/member-values.ts';
import { changeSpreadForPanel } from '../queries/change-spread.ts';
import { askedGender } from '../state/prefetch.ts';

interface Asked {
  ctx: PanelContext;
  kpi: Kpi;
  gender: Gender;
  request: PanelSeriesRequest;
}
const sameKommunAndKpi = (a: Asked, b: Asked) => a.ctx.kommun.id === b.ctx.kommun.id && a.kpi.id === b.kpi.id;

/**
 * What a series panel shows, shared by the dashboard panel and the printed report: the KPI, its
 * query, the chart spec, the key figures and data-quality notes. Call during component initialisation.
 */
export function seriesPanelModel(app: AppContext, props: () => PanelProps) {
  const kpi = $derived(kpiById(app.meta, props().kpiId)!);
  const gender: Gender = $derived(askedGender(kpi, app.view.gender));
  // Primitives, so the chart is rebuilt only when one of them changes, not on every view change.
  const showRiket = $derived(app.view.showRiket);
  const showAll = $derived(app.view.showAll);
  const band = $derived(app.view.band);
  const year = $derived(app.view.year);
  const names = $derived(municipalityNames(app.meta));
  const request: PanelSeriesRequest = $derived.by(() => {
    const { ctx, kpiId } = props();
    return { kpi: kpiId, municipalityId: ctx.kommun.id, members: ctx.group.members, gender, higherIsBetter: kpi.higher_is_better };
  });
  // What the panel asks about. An answer keeps the question it answered, so data still on screen while a
  // peer group or gender change runs is labelled with its own group, and another kommun's or KPI's
  // figures are never shown under the new name (the panel says "Hämtar …" instead).
  const asked: Asked = $derived({ ctx: props().ctx, kpi, gender, request });
  const keep = { about: () => asked, keepWhile: sameKommunAndKpi };
  // A kommun's liknande groups still being fetched: nothing to ask yet (the panel says "Hämtar …").
  const waiting = $derived(props().ctx.group.pending === true);
  const series = new QueryResource(app.coordinator, () => (waiting ? null : ['panelSeries', request]), keep);
  const members = new QueryResource(app.coordinator, () => (waiting ? null : ['memberValues', memberValuesForPanel(request)]), keep);
  const spread = new QueryResource(app.coordinator, () => (waiting ? null : ['changeSpread', changeSpreadForPanel(request)]), keep);
  // Asked only when an imported set holds this Kolada KPI: which shown values came from it.
  const imported = new QueryResource(
    app.coordinator,
    () => {
      const { ctx, kpiId } = props();
      if (waiting || isOwnData(kpi) || !userData.sets.some((s) => s.kpiIds.includes(kpiId))) return null;
      return ['importedPeriods', { kpi: kpiId, municipalityIds: [ctx.kommun.id, ...ctx.group.members], gender }];
    },
    keep,
  );
  /** the question the data on screen answers (the current one once answered) */
  const shown: Asked = $derived(series.about ?? asked);
  /** a companion answer, only while it answers the same question as the series on screen */
  const along = <T>(r: { data: T | undefined; about: Asked | undefined }) => (r.about === shown ? r.data : undefined);
  const targets = $derived(
    app.meta.targets
      .filter((t) => t.municipality_id === shown.ctx.kommun.id && t.kpi === shown.kpi.id)
      .sort((a, b) => a.period.localeCompare(b.period)),
  );
  const target = $derived(targets.at(-1) ?? null);
  const spec = $derived.by(() => {
    const { panel } = props();
    if (!series.data) return null;
    const { ctx, kpi } = shown;
    const built = buildSeriesSpec({
      id: `${panel.id}-${kpi.id}`,
      kpi,
      kommun: ctx.kommun,
      group: ctx.group,
      points: series.data,
      manifest: app.meta.manifest,
      target,
      targets,
      options: { showRiket, showAll, band, genderLabel: GENDER_LABEL[shown.gender] },
      members: along(members),
      names,
    });
    const own = importedSourceLines(kpi.id, along(imported) ?? [], userData.sets);
    return own.length ? { ...built, sources: [...built.sources, ...own] } : built;
  });
  const figures = $derived(series.data ? keyFigures(series.data, shown.kpi, year) : null);
  const targetNote = $derived(
    figures && series.data
      ? targetFigure(targets, figures.period, series.data.find((p) => p.period === figures.period)?.value ?? null, shown.kpi.unit)
      : null,
  );
  const notes = $derived.by(() => {
    if (!spec || !series.data) return [];
    const xs = new Set(spec.xs);
    return qualityNotes({
      kpi: shown.kpi,
      kommunName: shown.ctx.kommun.name,
      points: series.data.filter((p) => xs.has(p.period)),
      members: along(members) ?? [],
      names,
      spread: along(spread) ?? null,
      showRiket,
    });
  });
  /** every query this panel shows has answered (or failed): the report may be printed */
  const settled = $derived(!waiting && series.answered && members.answered && spread.answered && imported.answered);

  return {
    get kpi() {
      return kpi;
    },
    /** the kommun and group of the figures on screen (the asked ones once answered) */
    get ctx() {
      return shown.ctx;
    },
    /** the KPI of the figures on screen */
    get shownKpi() {
      return shown.kpi;
    },
    get gender() {
      return gender;
    },
    get series() {
      return series;
    },
    get spec() {
      return spec;
    },
    get figures() {
      return figures;
    },
    get notes() {
      return notes;
    },
    /** asking (the series or what is shown beside it), or waiting for the kommun's groups before it can ask */
    get busy() {
      return waiting || series.loading || members.loading || spread.loading || imported.loading;
    },
    get settled() {
      return settled;
    },
    get targetNote() {
      return targetNote;
    },
  };
}
