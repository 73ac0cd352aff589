import type { Database } from '../engine/database.ts';
import type { PiecewiseDatabase } from './value-pieces.ts';
import type { PieceStore } from './piece-store.ts';
import { T } from '../data/schema.ts';
import { inList } from '../queries/sql-helpers.ts';
import { addSliceRow, finishSlice, type GenderSlice, type KpiSlice } from '../queries/local/slice.ts';

/** A KPI with more rows than this stays in the engine only (the largest Kolada KPI has ~27,000). */
export const MAX_SLICE_ROWS = 100_000;

/**
 * KPIs held in the page as plain rows, so that a change of kommun, peer group or gender is answered
 * without a round trip to the DuckDB worker (Mosaic keeps data-cube indexes for the same reason).
 * One statement loads every KPI asked for in the same turn.
 */
export class KpiIndex {
  private readonly slices = new Map<string, KpiSlice>();
  /** KPIs too large to hold: their queries go to the engine */
  private readonly oversized = new Set<string>();
  private readonly loading = new Map<string, Promise<void>>();
  /** KPIs asked for in this turn, each with its own outcome (one missing piece fails only its KPI) */
  private pending: Map<string, { resolve: () => void; reject: (e: unknown) => void }> | null = null;
  private generation = 0;
  /**
   * Whether the engine holds the base data only (no data change yet): then a KPI's rows are its value
   * piece's, read in the page (pieceSlice) instead of asked back from the engine.
   */
  private baseOnly = true;
  /** statements sent to load slices (the coordinator adds them to its count) */
  statements = 0;

  /** `store`: the value pieces, so that KPIs are held before (or without) a running engine */
  constructor(
    private readonly maxRows = MAX_SLICE_ROWS,
    private readonly store?: PieceStore,
  ) {}

  /** Whether KPIs can be held without the engine: read from their pieces while the data is the base data. */
  get readsAlone(): boolean {
    return this.baseOnly && this.store !== undefined;
  }

  get(kpi: string): KpiSlice | undefined {
    return this.slices.get(kpi);
  }

  /** The slices of all `kpis`, or undefined when one is not held. */
  all(kpis: readonly string[]): Map<string, KpiSlice> | undefined {
    const out = new Map<string, KpiSlice>();
    for (const k of kpis) {
      const s = this.slices.get(k);
      if (!s) return undefined;
      out.set(k, s);
    }
    return out;
  }

  /** Whether the KPIs can be held here (false once one proved too large). */
  accepts(kpis: readonly string[]): boolean {
    return !kpis.some((k) => this.oversized.has(k));
  }

  /** Loads the KPIs not yet held, batching with other loads asked for in the same turn. */
  load(db: Database | null, kpis: readonly string[]): Promise<void> {
    const missing = [...new Set(kpis)].filter((k) => !this.slices.has(k) && !this.oversized.has(k));
    return Promise.all(missing.map((k) => this.loading.get(k) ?? this.queue(db, k))).then(() => {});
  }

  /**
   * Forgets every KPI because the data changed: from now on rows come from the engine (an import), or
   * from the value pieces again when `baseOnly` (every imported set removed).
   */
  clear(baseOnly = false): void {
    this.baseOnly = baseOnly;
    this.slices.clear();
    this.oversized.clear();
    this.loading.clear();
    this.pending = null;
    this.generation++;
  }

  private queue(db: Database | null, kpi: string): Promise<void> {
    if (!this.pending) {
      const batch = (this.pending = new Map());
      // Two hops, as the coordinator's batches: loads asked for once an engine promise settles join too.
      queueMicrotask(() =>
        queueMicrotask(() => {
          if (this.pending === batch) this.pending = null;
          void this.fetch(db, batch);
        }),
      );
    }
    const batch = this.pending;
    const p = new Promise<void>((resolve, reject) => batch.set(kpi, { resolve, reject })).finally(() => {
      if (this.loading.get(kpi) === p) this.loading.delete(kpi);
    });
    this.loading.set(kpi, p);
    return p;
  }

  private async fetch(db: Database | null, batch: Map<string, { resolve: () => void; reject: (e: unknown) => void }>): Promise<void> {
    const started = this.generation;
    // from the pieces in the page: the engine's wrapper when it runs (it takes each piece in too), else the store
    const engine = db as Partial<PiecewiseDatabase> | null;
    const read = engine?.pieceSlice
      ? (kpi: string) => engine.pieceSlice!(kpi, this.maxRows)
      : this.store
        ? (kpi: string) => this.store!.slice(kpi, this.maxRows)
        : null;
    if (this.baseOnly && read) {
      // each KPI as soon as its own piece is read; a failed piece fails only its KPI
      await Promise.all(
        [...batch].map(([kpi, outcome]) =>
          read(kpi).then((slice) => {
            if (this.generation === started) {
              if (slice === 'oversized') this.oversized.add(kpi);
              else this.slices.set(kpi, slice);
            }
            outcome.resolve();
          }, outcome.reject),
        ),
      );
      return;
    }
    // the data changed while this batch waited: nothing held, the questions go to the engine
    if (!db) return batch.forEach((outcome) => outcome.resolve());
    const prepared = await Promise.all(
      [...batch].map(([kpi, outcome]) =>
        Promise.resolve(db.prepare?.({ kpi })).then(
          () => kpi,
          (e: unknown) => void outcome.reject(e),
        ),
      ),
    );
    const kpis = prepared.filter((k): k is string => k !== undefined);
    if (kpis.length === 0) return;
    try {
      await this.read(db, kpis, started);
      for (const kpi of kpis) batch.get(kpi)!.resolve();
    } catch (e) {
      for (const kpi of kpis) batch.get(kpi)!.reject(e);
    }
  }

  private async read(db: Database, kpis: string[], started: number): Promise<void> {
    const k = inList(kpis);
    this.statements++;
    const rows = await db.query<{ kpi: string; gender: string; id: string; period: string; value: number | null; status: string | null }>(
      `SELECT kpi, gender, municipality_id AS id, period, value, status FROM ${T.values}
       WHERE kpi IN ${k.sql} AND kpi IN (SELECT kpi FROM ${T.values} WHERE kpi IN ${k.sql} GROUP BY kpi HAVING count(*) <= ${Math.floor(this.maxRows)})`,
      [...k.params, ...k.params],
    );
    if (this.generation !== started) return;
    const built = new Map<string, Map<string, GenderSlice>>();
    for (const r of rows) {
      let byGender = built.get(r.kpi);
      if (!byGender) built.set(r.kpi, (byGender = new Map()));
      addSliceRow(byGender, r.gender, r.period, { id: r.id, value: r.value === null ? null : Number(r.value), status: r.status ?? null });
    }
    const absent = kpis.filter((kpi) => !built.has(kpi));
    if (absent.length > 0) {
      // No rows back: a KPI without values (an empty slice) or one too large to hold.
      const a = inList(absent);
      this.statements++;
      const present = await db.query<{ kpi: string }>(`SELECT DISTINCT kpi FROM ${T.values} WHERE kpi IN ${a.sql}`, a.params);
      if (this.generation !== started) return;
      for (const { kpi } of present) this.oversized.add(kpi);
    }
    for (const kpi of kpis) {
      if (this.oversized.has(kpi)) continue;
      this.slices.set(kpi, finishSlice(built.get(kpi) ?? new Map<string, GenderSlice>()));
    }
  }
}
