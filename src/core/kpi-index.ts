import type { Database } from '../engine/database.ts';
import type { PiecewiseDatabase } from './value-pieces.ts';
import type { PieceStore } from './piece-store.ts';
import { T } from '../data/schema.ts';
import { inList } from '../queries/sql-helpers.ts';
import { addSliceRow, finishSlice, type GenderSlice, type KpiSlice } from '../queries/local/slice.ts';
import { periodIndex } from '../queries/local/period-index.ts';

interface Outcome {
  resolve: () => void;
  reject: (e: unknown) => void;
}

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
  private pending: Map<string, Outcome> | null = null;
  /**
   * KPIs read ahead of need, until held: `go` lets one decode its piece (set once its bytes are in);
   * `urgent`: a visitor asked for it meanwhile, so it decodes at once.
   */
  private readonly ahead = new Map<string, { go?: () => void; urgent: boolean }>();
  /**
   * Read-ahead KPIs held but not yet indexed, one gender each: every question about a KPI reads its
   * periods' index (period-index.ts), and the first built it for every period in the change that
   * showed the KPI (1–12 ms for a full-data KPI of 28 years, measured in Node, the first one slowest).
   */
  private readonly unindexed: GenderSlice[] = [];
  private pumping = false;
  private generation = 0;
  /**
   * Whether the engine holds the base data only (no data change yet): then a KPI's rows are its value
   * piece's, read in the page (pieceSlice) instead of asked back from the engine.
   */
  private baseOnly = true;
  /** statements sent to load slices (the coordinator adds them to its count) */
  statements = 0;

  /**
   * `store`: the value pieces, so that KPIs are held before (or without) a running engine. `idle`: runs
   * a function at the browser's next idle moment; read-ahead pieces are then decoded one per idle
   * moment, so a piece arriving while a visitor's change draws does not hold up that change (without it,
   * each is decoded when its bytes are in).
   */
  constructor(
    private readonly maxRows = MAX_SLICE_ROWS,
    private readonly store?: PieceStore,
    private readonly idle?: (f: () => void) => unknown,
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

  /**
   * Loads the KPIs not yet held, batching with other loads asked for in the same turn. `ahead`: read
   * ahead of need (prefetch), decoded at an idle moment; a load that is not ahead hurries those on.
   */
  load(db: Database | null, kpis: readonly string[], ahead = false): Promise<void> {
    const missing = [...new Set(kpis)].filter((k) => !this.slices.has(k) && !this.oversized.has(k));
    if (!ahead) for (const k of missing) this.hurry(k);
    return Promise.all(missing.map((k) => this.loading.get(k) ?? this.queue(db, k, ahead))).then(() => {});
  }

  /** Resolves when a read-ahead KPI may decode its piece: at its idle moment, or at once when hurried. */
  private turn(kpi: string): Promise<void> {
    const entry = this.ahead.get(kpi);
    if (!entry || entry.urgent) return Promise.resolve();
    return new Promise((resolve) => {
      entry.go = resolve;
      this.pump();
    });
  }

  private hurry(kpi: string): void {
    const entry = this.ahead.get(kpi);
    if (!entry) return;
    entry.urgent = true;
    entry.go?.();
  }

  /**
   * Lets the read-ahead KPIs whose bytes are in decode, one per idle moment, then indexes their
   * periods, one gender per idle moment.
   */
  private pump(): void {
    if (this.pumping || !this.idle) return;
    const waiting = () => [...this.ahead.values()].find((e) => e.go && !e.urgent);
    if (!waiting() && this.unindexed.length === 0) return;
    this.pumping = true;
    this.idle(() => {
      this.pumping = false;
      const next = waiting();
      if (next) {
        next.urgent = true;
        next.go!();
      } else {
        const g = this.unindexed.shift();
        if (g) for (const period of g.periods) periodIndex(g, period);
      }
      this.pump();
    });
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
    for (const entry of this.ahead.values()) {
      entry.urgent = true;
      entry.go?.();
    }
    this.ahead.clear();
    this.unindexed.length = 0;
    this.generation++;
  }

  private queue(db: Database | null, kpi: string, ahead: boolean): Promise<void> {
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
    const entry = ahead && this.idle ? { urgent: false } : null;
    if (entry) this.ahead.set(kpi, entry);
    const p = new Promise<void>((resolve, reject) => batch.set(kpi, { resolve, reject })).finally(() => {
      if (this.loading.get(kpi) === p) this.loading.delete(kpi);
      if (entry && this.ahead.get(kpi) === entry) this.ahead.delete(kpi);
    });
    this.loading.set(kpi, p);
    return p;
  }

  private async fetch(db: Database | null, batch: Map<string, Outcome>): Promise<void> {
    const started = this.generation;
    // from the pieces in the page: the engine's wrapper when it runs (it takes each piece in too), else the store
    const engine = db as Partial<PiecewiseDatabase> | null;
    const turn = (kpi: string) => () => this.turn(kpi);
    const read = engine?.pieceSlice
      ? (kpi: string) => engine.pieceSlice!(kpi, this.maxRows, turn(kpi))
      : this.store
        ? (kpi: string) => this.store!.slice(kpi, this.maxRows, turn(kpi))
        : null;
    if (this.baseOnly && read) {
      // each KPI as soon as its own piece is read; a failed piece fails only its KPI
      await Promise.all(
        [...batch].map(([kpi, outcome]) =>
          read(kpi).then((slice) => {
            if (this.generation === started) {
              if (slice === 'oversized') this.oversized.add(kpi);
              else {
                this.slices.set(kpi, slice);
                if (this.ahead.has(kpi)) {
                  this.unindexed.push(...slice.values());
                  this.pump();
                }
              }
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
