import type { Database } from '../engine/database.ts';
import { batchers, queries, type Batcher, type QueryName, type QueryRequest, type QueryResult } from './queries.ts';
import { memberValuesForPanel } from '../queries/member-values.ts';
import { changeSpreadForPanel } from '../queries/change-spread.ts';
import type { WriteName, WriteRequest, WriteResult } from './writes.ts';
import type { KpiIndex } from './kpi-index.ts';
import { localAnswers, type LocalAnswer } from './local-answers.ts';

interface PendingRequest {
  request: unknown;
  resolve: (result: unknown) => void;
  reject: (e: unknown) => void;
}

export type EngineStatus = 'idle' | 'starting' | 'ready' | 'failed';

/** A key that identifies one query and its request; also used for build-time snapshots. */
export function queryKey<N extends QueryName>(name: N, request: QueryRequest<N>): string {
  return `${name}:${JSON.stringify(request, Object.keys(request as object).sort())}`;
}

/**
 * Owns every query and every write (as Mosaic's coordinator does): results are cached by key, concurrent
 * requests for the same key share one promise, and the engine starts lazily, once, on the first miss. A
 * snapshot of results computed at build time answers the first paint without starting the engine at all.
 * A write that changes the data (writes.ts) clears the cache itself.
 */
export class Coordinator {
  private readonly cache = new Map<string, unknown>();
  private readonly inflight = new Map<string, Promise<unknown>>();
  private dbPromise: Promise<Database> | null = null;
  private current: Database | null = null;
  /** batchable requests waiting for the end of the current turn, by query name + batch key */
  private pending = new Map<string, { name: QueryName; items: PendingRequest[] }>();
  private sent = 0;
  /** KPIs held in the page (options.localIndex): their queries are answered without the engine */
  private readonly index: KpiIndex | null;
  /** false: every request is its own statement (the bench's before/after comparison) */
  batching = true;
  private listeners = new Set<(s: EngineStatus, error?: Error) => void>();
  private dataListeners = new Set<(generation: number) => void>();
  /** Bumped by clear(): the data behind the queries changed (an import was added or removed). */
  generation = 0;
  status: EngineStatus = 'idle';
  error: Error | null = null;
  /** keys asked for with peek() that were not cached (the prerenderer reads these) */
  readonly misses = new Map<string, { name: QueryName; request: unknown }>();
  /** keys answered by peek() since the last clear (the prerenderer snapshots exactly these) */
  readonly used = new Set<string>();

  /**
   * With a `localIndex`, the first query about a KPI loads all its rows into the page (kpi-index.ts),
   * and later questions about it (another kommun, group or gender) are answered there, in the same turn.
   */
  constructor(
    private readonly open: () => Promise<Database>,
    snapshot: Record<string, unknown> = {},
    options: { localIndex?: KpiIndex } = {},
  ) {
    for (const [k, v] of Object.entries(snapshot)) this.cache.set(k, v);
    this.index = options.localIndex ?? null;
  }

  /** statements sent to the engine (one per batch or KPI load); the bench and tests read it */
  get statements(): number {
    return this.sent + (this.index?.statements ?? 0);
  }

  peek<N extends QueryName>(name: N, request: QueryRequest<N>): QueryResult<N> | undefined {
    const key = queryKey(name, request);
    if (!this.cache.has(key)) {
      const local = this.answerLocally(name, request);
      if (local === undefined) {
        this.misses.set(key, { name, request });
        return undefined;
      }
      this.cache.set(key, local);
    }
    this.used.add(key);
    return this.cache.get(key) as QueryResult<N>;
  }

  run<N extends QueryName>(name: N, request: QueryRequest<N>): Promise<QueryResult<N>> {
    const key = queryKey(name, request);
    if (this.cache.has(key)) return Promise.resolve(this.cache.get(key) as QueryResult<N>);
    const local = this.answerLocally(name, request);
    if (local !== undefined) {
      this.cache.set(key, local);
      return Promise.resolve(local);
    }
    let p = this.inflight.get(key) as Promise<QueryResult<N>> | undefined;
    if (!p) {
      const started = this.generation;
      // KPIs the page can read from their pieces by itself: held without waiting for the engine
      const via = this.index && (localAnswers[name] as LocalAnswer<N> | undefined);
      const alone = via && this.index!.readsAlone && this.index!.accepts(via.kpis(request));
      const held = alone
        ? this.index!.load(this.current, via.kpis(request)).then(() => this.answerLocally(name, request))
        : Promise.resolve(undefined);
      p = held
        .then((answer) => (answer !== undefined ? answer : this.fromEngine(name, request)))
        .then((result) => {
          // A result computed before a clear() may describe data that is gone; do not cache it.
          if (this.generation === started) this.cache.set(key, result);
          return result;
        })
        .finally(() => {
          if (this.inflight.get(key) === p) this.inflight.delete(key);
        });
      this.inflight.set(key, p);
    }
    return p;
  }

  /** Answers with the engine, starting it if needed (held KPIs are loaded through it when the page cannot read them alone). */
  private fromEngine<N extends QueryName>(name: N, request: QueryRequest<N>): Promise<QueryResult<N>> {
    return this.database().then(async (db): Promise<QueryResult<N>> => {
      const via = this.index && (localAnswers[name] as LocalAnswer<N> | undefined);
      if (via && this.index!.accepts(via.kpis(request))) {
        await this.index!.load(db, via.kpis(request));
        const answer = this.answerLocally(name, request);
        if (answer !== undefined) return answer;
      }
      // Value pieces a request names are fetched before it joins a batch, so the statement sees them.
      await db.prepare?.(request);
      return this.execute(db, name, request) as Promise<QueryResult<N>>;
    });
  }

  /** Runs one query, or queues it to share one statement with the other requests of its batch. */
  private execute<N extends QueryName>(db: Database, name: N, request: QueryRequest<N>): Promise<QueryResult<N>> {
    const batcher = batchers[name] as Batcher<N> | undefined;
    if (!batcher || !this.batching) {
      this.sent++;
      return (queries[name] as (db: Database, r: QueryRequest<N>) => Promise<QueryResult<N>>)(db, request);
    }
    return new Promise((resolve, reject) => {
      const key = `${name}\0${batcher.key(request)}`;
      let batch = this.pending.get(key);
      if (!batch) {
        batch = { name, items: [] };
        this.pending.set(key, batch);
        // Two hops: requests whose engine promise settles in this same turn are queued first.
        queueMicrotask(() => queueMicrotask(() => this.flush(db, key)));
      }
      batch.items.push({ request, resolve: resolve as (r: unknown) => void, reject });
    });
  }

  private flush(db: Database, key: string): void {
    const batch = this.pending.get(key);
    if (!batch) return;
    this.pending.delete(key);
    const { name, items } = batch;
    this.sent++;
    const answer =
      items.length === 1
        ? (queries[name] as (db: Database, r: unknown) => Promise<unknown>)(db, items[0].request).then((r) => [r])
        : (batchers[name] as Batcher<QueryName>).run(db, items.map((i) => i.request) as never);
    answer.then(
      (results) => items.forEach((item, i) => item.resolve(results[i])),
      (e: unknown) => items.forEach((item) => item.reject(e)),
    );
  }

  /** The answer from KPIs held in the page, or undefined when one of them is not held. */
  private answerLocally<N extends QueryName>(name: N, request: QueryRequest<N>): QueryResult<N> | undefined {
    const via = this.index && (localAnswers[name] as LocalAnswer<N> | undefined);
    if (!via) return undefined;
    const slices = this.index!.all(via.kpis(request));
    return slices && via.answer(slices, request);
  }

  /**
   * Works out ahead, from KPIs held in the page, what a series panel with this request asks (series,
   * member values, change spread), so that the change that shows it only draws. Nothing is asked of
   * the engine; an answer already cached or a KPI not held is left alone.
   */
  answerAhead(request: QueryRequest<'panelSeries'>): void {
    const ahead = [
      ['panelSeries', request],
      ['memberValues', memberValuesForPanel(request)],
      ['changeSpread', changeSpreadForPanel(request)],
    ] as const;
    for (const [name, r] of ahead) {
      const key = queryKey(name, r);
      if (this.cache.has(key)) continue;
      const local = this.answerLocally(name, r as never);
      if (local !== undefined) this.cache.set(key, local);
    }
  }

  /** Whether prefetching the requests would ask nothing of the engine: their KPIs are held in the page, or (without an index) their answers cached. */
  covers<N extends QueryName>(name: N, requests: readonly QueryRequest<N>[]): boolean {
    const via = this.index && (localAnswers[name] as LocalAnswer<N> | undefined);
    // with an index, a build-time answer in the cache does not count: the KPI still has to be held for the next kommun
    if (via) return requests.every((r) => this.index!.all(via.kpis(r)) !== undefined);
    return requests.every((r) => this.cache.has(queryKey(name, r)));
  }

  /** Whether the page holds these KPIs' rows (KpiIndex) and answers questions about them without the engine. */
  holds(kpis: readonly string[]): boolean {
    return this.index !== null && this.index.all(kpis) !== undefined;
  }

  /** Whether the page answers its panels without the engine (KPIs held from the pieces it reads itself). */
  get answersWithoutEngine(): boolean {
    return this.index?.readsAlone ?? false;
  }

  /** Whether prefetch() can work now: on a running engine, or without one while the page reads the pieces itself. */
  get prefetchable(): boolean {
    return this.status === 'ready' || (this.index?.readsAlone ?? false);
  }

  /** Whether a query is in flight or waiting for its batch (prefetching waits for this to be false). */
  get busy(): boolean {
    return this.inflight.size > 0 || this.pending.size > 0;
  }

  /**
   * Answers series panels ahead of need: the requests' series, then their member values, then their
   * change spreads (each one batch, so one statement when the requests share a kommun, group and
   * gender), cached like any other run. Stops as soon as a visitor's own query is waiting, so that
   * waits behind one prefetch statement at most; resolves true when all were answered. Never starts
   * the engine.
   */
  async prefetch(requests: readonly QueryRequest<'panelSeries'>[]): Promise<boolean> {
    if (!this.prefetchable || this.busy) return false;
    // With KPIs held in the page, holding the requests' KPIs is all there is to do: the rest is answered on demand.
    if (this.index && (this.current || this.index.readsAlone)) {
      await this.index.load(this.current, [...new Set(requests.map((r) => r.kpi))], true);
      return true;
    }
    await Promise.all(requests.map((r) => this.run('panelSeries', r)));
    if (this.busy) return false;
    await Promise.all(requests.map((r) => this.run('memberValues', memberValuesForPanel(r))));
    if (this.busy) return false;
    await Promise.all(requests.map((r) => this.run('changeSpread', changeSpreadForPanel(r))));
    return true;
  }

  /** Runs a named write (writes.ts) on the engine, starting it if needed; forgets cached results after a data change. */
  async write<N extends WriteName>(name: N, request: WriteRequest<N>): Promise<WriteResult<N>> {
    // Writes (imports) pull in the staging SQL: loaded on first use, not with the first page.
    const [{ runWrite, CHANGES_DATA, leavesBaseOnly }, db] = await Promise.all([import('./writes.ts'), this.database()]);
    const result = await runWrite(db, name, request);
    if (CHANGES_DATA.has(name)) this.clear({ baseOnly: leavesBaseOnly(result) });
    return result;
  }

  /** Starts the engine without handing it out (warming, "Försök igen"). */
  async start(): Promise<void> {
    await this.database();
  }

  /** Starts the engine if needed; one shared start-up promise. Only tests and start-up wiring use the database itself. */
  database(): Promise<Database> {
    if (!this.dbPromise) {
      this.setStatus('starting');
      this.dbPromise = this.open().then(
        (db) => {
          this.setStatus('ready');
          db.died?.catch((e: unknown) => {
            if (this.current === db) this.reset(e instanceof Error ? e : new Error(String(e)));
          });
          this.current = db;
          return db;
        },
        (e: unknown) => {
          this.dbPromise = null;
          this.setStatus('failed', e instanceof Error ? e : new Error(String(e)));
          throw e;
        },
      );
    }
    return this.dbPromise;
  }

  /** Forgets a dead engine so the next query starts a new one. */
  reset(error?: Error): void {
    const old = this.dbPromise;
    this.dbPromise = null;
    this.current = null;
    old?.then((db) => db.close()).catch(() => {});
    this.setStatus(error ? 'failed' : 'idle', error);
  }

  /**
   * Forgets every cached and in-flight result (build-time snapshot included) because the data changed,
   * and tells data listeners (QueryResource) to ask again. `baseOnly`: the data is the base data again
   * (the last imported set removed), so KPIs may be read from their value pieces again.
   */
  clear(options: { baseOnly?: boolean } = {}): void {
    this.cache.clear();
    this.inflight.clear();
    this.index?.clear(options.baseOnly);
    this.generation++;
    for (const f of this.dataListeners) f(this.generation);
  }

  onDataChange(f: (generation: number) => void): () => void {
    this.dataListeners.add(f);
    return () => this.dataListeners.delete(f);
  }

  onStatus(f: (s: EngineStatus, error?: Error) => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }

  /**
   * Loads what a request will need before it is asked (the value pieces of its KPIs), when a visitor
   * is about to ask it: into the page when it reads pieces itself, else into a running engine (never
   * starts one); a failure is left to the query.
   */
  warm(request: unknown): void {
    const kpi = (request as { kpi?: unknown } | null)?.kpi;
    // a KPI the page reads by itself: held ahead (the engine, when it runs, takes the piece in too)
    if (this.index?.readsAlone && typeof kpi === 'string') return void this.index.load(this.current, [kpi]).catch(() => {});
    if (this.status !== 'ready' || !this.current?.prepare) return;
    this.current.prepare(request).catch(() => {});
  }

  /**
   * Adds answers computed at build time (another kommun page's snapshot) to the cache, keeping what is
   * there. Refused once the data has changed (an imported set), since they describe the base data only.
   */
  seed(snapshot: Record<string, unknown>): boolean {
    if (this.generation !== 0) return false;
    for (const [k, v] of Object.entries(snapshot)) if (!this.cache.has(k)) this.cache.set(k, v);
    return true;
  }

  /** The cached results of the given keys (default: all), e.g. to embed in a prerendered page. */
  snapshot(keys: Iterable<string> = this.cache.keys()): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const k of keys) if (this.cache.has(k)) out[k] = this.cache.get(k);
    return out;
  }

  private setStatus(s: EngineStatus, error?: Error) {
    this.status = s;
    this.error = error ?? null;
    for (const f of this.listeners) f(s, error);
  }
}
