import type { Gender, Kpi, Municipality } from '../data/contract.ts';
import { kommuner, kpiById, type SiteMeta } from '../data/site-meta.ts';
import { resolvePeerGroup, type PeerChoice } from '../peers/peer-group.ts';
import type { PanelSeriesRequest } from '../queries/panel-series.ts';

/** One series panel's question apart from the kommun and group: what a kommun page asks per panel. */
export interface SeriesAsk {
  kpi: string;
  gender: Gender;
  higherIsBetter: boolean | null;
}

/** The gender a panel asks for with the page's gender: a KPI without a gender split asks T. */
export const askedGender = (kpi: Pick<Kpi, 'is_divided_by_gender'>, gender: Gender): Gender => (kpi.is_divided_by_gender ? gender : 'T');

/** What a panel showing `kpiId` asks with the page's gender. */
export function seriesAsk(meta: SiteMeta, kpiId: string, gender: Gender): SeriesAsk {
  const k = kpiById(meta, kpiId)!;
  return { kpi: kpiId, gender: askedGender(k, gender), higherIsBetter: k.higher_is_better };
}

const GENDERS: Gender[] = ['T', 'K', 'M'];

/**
 * What a visitor may switch the series panels to on this page: each shown KPI in the other genders,
 * and each panel's other KPIs (its select) in the current one. Two batches, nothing already shown.
 */
export function switchAsks(meta: SiteMeta, panels: readonly { kpi: string; choices: readonly string[] }[], gender: Gender): SeriesAsk[][] {
  const shown = new Set(panels.map((p) => `${p.kpi}:${seriesAsk(meta, p.kpi, gender).gender}`));
  const fresh = (asks: SeriesAsk[]) => {
    const seen = new Set(shown);
    return asks.filter((a) => !seen.has(`${a.kpi}:${a.gender}`) && seen.add(`${a.kpi}:${a.gender}`));
  };
  const genders = fresh(panels.flatMap((p) => GENDERS.map((g) => seriesAsk(meta, p.kpi, g))));
  const kpis = fresh(panels.flatMap((p) => p.choices.filter((k) => k !== p.kpi).map((k) => seriesAsk(meta, k, gender))));
  return [genders, kpis].filter((b) => b.length > 0);
}

/** The `ahead` kommuner after `kommun` in the list (wrapping), where a visitor going through them goes next. */
export function kommunerAhead(meta: SiteMeta, kommun: Municipality, ahead: number): Municipality[] {
  const list = kommuner(meta);
  const at = list.findIndex((k) => k.id === kommun.id);
  if (at < 0) return [];
  return Array.from({ length: Math.min(ahead, list.length - 1) }, (_, i) => list[(at + i + 1) % list.length]);
}

const FAMILIES: PeerChoice[] = [{ kind: 'liknande' }, { kind: 'skr' }, { kind: 'lan' }, { kind: 'alla' }];

/**
 * The panelSeries requests a visitor is likely to need next, in batches: the page as shown with its
 * panels switched to another gender or KPI (`switches`, see switchAsks; together, so that with KPIs
 * held in the page one statement loads the shown KPIs and their alternatives, and what follows needs
 * no engine; the shown ones are usually cached answers from the build), then the kommun's other peer
 * families, then the next `ahead` kommuner in the list with the current choice.
 * The requests are built exactly as the panels build theirs (resolvePeerGroup), so a prefetched
 * answer is a cache hit.
 */
export function neighbourBatches(
  meta: SiteMeta,
  kommun: Municipality,
  choice: PeerChoice,
  asks: readonly SeriesAsk[],
  ahead = 2,
  switches: readonly (readonly SeriesAsk[])[] = [],
): PanelSeriesRequest[][] {
  if (asks.length === 0) return [];
  // The group is resolved per KPI, as PanelSlot does (a liknande choice follows each KPI's area).
  const batch = (k: Municipality, c: PeerChoice, of: readonly SeriesAsk[] = asks) =>
    of.map((a) => ({
      kpi: a.kpi,
      municipalityId: k.id,
      members: resolvePeerGroup(meta, k, c, a.kpi).members,
      gender: a.gender,
      higherIsBetter: a.higherIsBetter,
    }));
  // kommuner whose groups are fetched later (lazyGroups) cannot be resolved yet: skipped
  const pending = new Set(meta.lazyGroups ?? []);
  const out: PanelSeriesRequest[][] = [];
  if (pending.has(kommun.id)) return [];
  out.push(batch(kommun, choice, [...asks, ...switches.flat()]));
  for (const f of FAMILIES) if (f.kind !== choice.kind) out.push(batch(kommun, f));
  for (const next of kommunerAhead(meta, kommun, ahead)) if (!pending.has(next.id)) out.push(batch(next, choice));
  return out;
}

interface Prefetcher extends EngineStatusSource {
  /** whether prefetch() can work now (a running engine, or pieces the page reads itself) */
  readonly prefetchable?: boolean;
  readonly busy: boolean;
  /** whether these are answered without the engine already (nothing to prefetch) */
  covers?(name: 'panelSeries', requests: readonly PanelSeriesRequest[]): boolean;
  /** true when every request was answered; false when it stopped early (asked again later) */
  prefetch(requests: readonly PanelSeriesRequest[]): Promise<boolean>;
  /** works out a request's answers from what the page holds (no engine) */
  answerAhead?(request: PanelSeriesRequest): void;
}

/** Warming stops this long before the browser's idle period ends (a visitor's input waits at most that). */
const WARM_MARGIN_MS = 3;
/** …and after this long at most, so a visitor's input arriving meanwhile waits no longer than that. */
const WARM_SLICE_MS = 8;
/**
 * Each step of reading ahead waits for an idle moment this long at most: changes in a row leave the
 * browser none, and a page moved to another kommun would otherwise start reading its panels' other
 * KPIs only after 2 s (a step is one slice of working out answers, or starting fetches).
 */
const READ_AHEAD_WAIT_MS = 250;

type IdleDeadlineLike = { timeRemaining(): number };
type IdleWindow = {
  requestIdleCallback?: (f: (deadline: IdleDeadlineLike) => void, o?: { timeout: number }) => number;
  cancelIdleCallback?: (h: number) => void;
};

/**
 * Runs the batches one at a time, each when the browser is idle and the engine has nothing else to do
 * (a user's change never waits behind more than one prefetch statement). Returns a cancel function.
 */
export function prefetchOnIdle(
  coordinator: Prefetcher,
  batches: PanelSeriesRequest[][] | (() => PanelSeriesRequest[][]),
  /** called once every batch is answered (not when cancelled first) */
  done?: () => void,
): () => void {
  let cancelled = false;
  let finished = false;
  const finish = () => {
    if (finished || cancelled) return;
    finished = true;
    done?.();
  };
  // Given as a function, the batches are worked out at the first idle moment, not in the change itself.
  let queue: PanelSeriesRequest[][] | null = typeof batches === 'function' ? null : [...batches];
  let cancelIdle: (() => void) | undefined;
  // how far into the first batch the answers are worked out
  let warmed = 0;
  const schedule = () => {
    if (cancelled) return;
    if (queue?.length === 0) return finish();
    cancelIdle = whenQuiet(coordinator, step, READ_AHEAD_WAIT_MS);
  };
  const step = (deadline?: IdleDeadlineLike) => {
    cancelIdle = undefined;
    if (cancelled) return;
    queue ??= (batches as () => PanelSeriesRequest[][])();
    // Batches the page answers by itself (KPIs it holds) cost no statement: their answers are worked
    // out while the browser stays idle (one request at least per idle moment), then on to the next.
    while (queue.length > 0 && coordinator.covers?.('panelSeries', queue[0])) {
      if (coordinator.answerAhead) {
        const batch = queue[0];
        const began = performance.now();
        while (warmed < batch.length) {
          coordinator.answerAhead(batch[warmed++]);
          if ((deadline?.timeRemaining() ?? 0) <= WARM_MARGIN_MS || performance.now() - began >= WARM_SLICE_MS) break;
        }
        if (warmed < batch.length) return schedule();
      }
      warmed = 0;
      queue.shift();
    }
    if (queue.length === 0) return finish();
    if (!(coordinator.prefetchable ?? coordinator.status === 'ready') || coordinator.busy) return schedule();
    const batch = queue.shift()!;
    coordinator
      .prefetch(batch)
      .then((done) => {
        // interrupted by the visitor: the rest of the batch later (what was answered is a cache hit)
        if (!done && !cancelled) queue!.unshift(batch);
      })
      .catch(() => {})
      .finally(schedule);
  };
  schedule();
  return () => {
    cancelled = true;
    cancelIdle?.();
  };
}

/** Runs `f` once the browser is idle (within `timeout` ms at most, 2 s by default). Returns a cancel function. */
export function whenIdle(f: (deadline?: IdleDeadlineLike) => void, timeout = 2000): () => void {
  const w = globalThis as IdleWindow;
  if (w.requestIdleCallback) {
    const h = w.requestIdleCallback(f, { timeout });
    return () => w.cancelIdleCallback?.(h);
  }
  const h = setTimeout(f, 50);
  return () => clearTimeout(h);
}

/** What whenQuiet needs to know of the engine (the coordinator). */
export interface EngineStatusSource {
  readonly status: string;
  /** a caller's query is under way */
  readonly busy?: boolean;
  onStatus?(f: (s: string) => void): () => void;
}

/**
 * Runs `f` at an idle moment when no engine start and no query of a visitor is under way. Returns a
 * cancel function. The page's idle moments are not idle cores: on two cores, the page reading pieces
 * and working out answers ahead while DuckDB started, and then beside the visitor's first question,
 * made that answer 100–130 ms later (cold loads of the kommun page on the bench's 2-core machine). A start
 * that fails lets the work go on.
 */
export function whenQuiet(engine: EngineStatusSource, f: (deadline?: IdleDeadlineLike) => void, timeout?: number): () => void {
  let cancel = () => {};
  const attempt = (deadline?: IdleDeadlineLike) => {
    if (engine.status === 'starting' && engine.onStatus) {
      const off = engine.onStatus((s) => {
        if (s === 'starting') return;
        off();
        cancel = whenIdle(attempt, timeout);
      });
      cancel = off;
    } else if (engine.busy) cancel = whenIdle(attempt, timeout);
    else f(deadline);
  };
  cancel = whenIdle(attempt, timeout);
  return () => cancel();
}
