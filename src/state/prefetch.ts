import type { Gender, Municipality } from '../data/contract.ts';
import { kommuner, type SiteMeta } from '../data/site-meta.ts';
import { resolvePeerGroup, type PeerChoice } from '../peers/peer-group.ts';
import type { PanelSeriesRequest } from '../queries/panel-series.ts';

/** One series panel's question apart from the kommun and group: what a kommun page asks per panel. */
export interface SeriesAsk {
  kpi: string;
  gender: Gender;
  higherIsBetter: boolean | null;
}

const FAMILIES: PeerChoice[] = [{ kind: 'liknande' }, { kind: 'skr' }, { kind: 'lan' }, { kind: 'alla' }];

/**
 * The panelSeries requests a visitor is likely to need next, one batch per view: the kommun's other
 * peer families, then the next `ahead` kommuner in the list with the current choice. The requests are
 * built exactly as the panels build theirs (resolvePeerGroup), so a prefetched answer is a cache hit.
 */
export function neighbourBatches(
  meta: SiteMeta,
  kommun: Municipality,
  choice: PeerChoice,
  asks: readonly SeriesAsk[],
  ahead = 2,
): PanelSeriesRequest[][] {
  if (asks.length === 0) return [];
  // The group is resolved per KPI, as PanelSlot does (a liknande choice follows each KPI's area).
  const batch = (k: Municipality, c: PeerChoice) =>
    asks.map((a) => ({
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
  for (const f of FAMILIES) if (f.kind !== choice.kind) out.push(batch(kommun, f));
  const list = kommuner(meta);
  const at = list.findIndex((k) => k.id === kommun.id);
  for (let i = 1; i <= ahead && at >= 0 && i < list.length; i++) {
    const next = list[(at + i) % list.length];
    if (!pending.has(next.id)) out.push(batch(next, choice));
  }
  return out;
}

interface Prefetcher {
  readonly status: string;
  readonly busy: boolean;
  prefetch(requests: readonly PanelSeriesRequest[]): Promise<unknown>;
}

type IdleWindow = { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => number; cancelIdleCallback?: (h: number) => void };

/**
 * Runs the batches one at a time, each when the browser is idle and the engine has nothing else to do
 * (a user's change never waits behind more than one prefetch statement). Returns a cancel function.
 */
export function prefetchOnIdle(coordinator: Prefetcher, batches: PanelSeriesRequest[][]): () => void {
  const w = globalThis as IdleWindow;
  let cancelled = false;
  let handle: number | undefined;
  const queue = [...batches];
  const schedule = () => {
    if (cancelled || queue.length === 0) return;
    handle = w.requestIdleCallback ? w.requestIdleCallback(step, { timeout: 2000 }) : (setTimeout(step, 50) as unknown as number);
  };
  const step = () => {
    handle = undefined;
    if (cancelled) return;
    if (coordinator.status !== 'ready' || coordinator.busy) return schedule();
    coordinator
      .prefetch(queue.shift()!)
      .catch(() => {})
      .finally(schedule);
  };
  schedule();
  return () => {
    cancelled = true;
    if (handle !== undefined) (w.cancelIdleCallback ?? clearTimeout)(handle);
  };
}
