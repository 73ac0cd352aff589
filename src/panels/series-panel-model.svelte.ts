import type { AppContext } from '../state/context.ts';
import type { Gender } from '../data/contract.ts';
import { QueryResource } from '../state/query.svelte.ts';
import { buildSeriesSpec, GENDER_LABEL } from './series-spec.ts';
import { keyFigures } from './stats-line.ts';
import { qualityNotes } from './quality-notes.ts';
import { targetFigure } from './target-status.ts';
import type { PanelProps } from './panel-components.ts';
import { userData } from '../import/store/user-data.svelte.ts';
import { importedSourceLines, isOwnData } from './own-sources.ts';
import { municipalityNames } from '../data/site-meta.ts';
import type { PanelSeriesRequest } from '../queries/panel-series.ts';
import { memberValuesForPanel } from '../queries/member-values.ts';
import { changeSpreadForPanel } from '../queries/change-spread.ts';
import { askedGender } from '../state/prefetch.ts';

/**
 * What a series panel shows, shared by the dashboard panel and the printed report: the KPI, its
 * query, the chart spec, the key figures and data-quality notes. Call during component initialisation.
 */
export function seriesPanelModel(app: AppContext, props: () => PanelProps) {
  const kpi = $derived(app.meta.kpis.find((k) => k.id === props().kpiId)!);
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
  const series = new QueryResource(app.coordinator, () => ['panelSeries', request]);
  const members = new QueryResource(app.coordinator, () => ['memberValues', memberValuesForPanel(request)]);
  const spread = new QueryResource(app.coordinator, () => ['changeSpread', changeSpreadForPanel(request)]);
  // Asked only when an imported set holds this Kolada KPI: which shown values came from it.
  const imported = new QueryResource(app.coordinator, () => {
    const { ctx, kpiId } = props();
    if (isOwnData(kpi) || !userData.sets.some((s) => s.kpiIds.includes(kpiId))) return null;
    return ['importedPeriods', { kpi: kpiId, municipalityIds: [ctx.kommun.id, ...ctx.group.members], gender }];
  });
  const targets = $derived.by(() => {
    const { ctx, kpiId } = props();
    return app.meta.targets
      .filter((t) => t.municipality_id === ctx.kommun.id && t.kpi === kpiId)
      .sort((a, b) => a.period.localeCompare(b.period));
  });
  const target = $derived(targets.at(-1) ?? null);
  const spec = $derived.by(() => {
    const { panel, ctx, kpiId } = props();
    if (!series.data) return null;
    const built = buildSeriesSpec({
      id: `${panel.id}-${kpiId}`,
      kpi,
      kommun: ctx.kommun,
      group: ctx.group,
      points: series.data,
      manifest: app.meta.manifest,
      target,
      targets,
      options: { showRiket, showAll, band, genderLabel: GENDER_LABEL[gender] },
      members: members.data,
      names,
    });
    const own = importedSourceLines(kpiId, imported.data ?? [], userData.sets);
    return own.length ? { ...built, sources: [...built.sources, ...own] } : built;
  });
  const figures = $derived(series.data ? keyFigures(series.data, kpi, year) : null);
  const targetNote = $derived(
    figures && series.data
      ? targetFigure(targets, figures.period, series.data.find((p) => p.period === figures.period)?.value ?? null, kpi.unit)
      : null,
  );
  const notes = $derived.by(() => {
    const { ctx } = props();
    if (!spec || !series.data) return [];
    const shown = new Set(spec.xs);
    return qualityNotes({
      kpi,
      kommunName: ctx.kommun.name,
      points: series.data.filter((p) => shown.has(p.period)),
      members: members.data ?? [],
      names,
      spread: spread.data ?? null,
      showRiket,
    });
  });
  /** every query this panel shows has answered (or failed): the report may be printed */
  const settled = $derived(series.answered && members.answered && spread.answered && imported.answered);

  return {
    get kpi() {
      return kpi;
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
    get settled() {
      return settled;
    },
    get targetNote() {
      return targetNote;
    },
  };
}
