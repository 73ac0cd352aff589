/**
 * The imported sets of this browser: listed for the "Egna data" page, kept in IndexedDB
 * (import-store.ts), re-ingested into the engine whenever it starts (restoreInto, called from the
 * coordinator's open function) and added to the runtime KPI list (meta.kpis, meta.periods) so panels,
 * KPI search and ranking can chart them. The rows go in and out through the coordinator's writes, which
 * clear its cache.
 */
import type { SiteMeta } from '../../data/site-meta.ts';
import type { Coordinator } from '../../core/coordinator.ts';
import type { IngestReport } from '../../core/user-values.ts';
import { isOwnData } from '../own-source.ts';
import { isOutOfMemory, OUT_OF_MEMORY_MESSAGE } from '../memory-errors.ts';
import { plainMessage } from '../flow/errors.ts';
import { mergePeriods } from './merge-periods.ts';
import { CorruptStoreError, deleteSet, listSets, resetStore, saveSet, StoreUnavailableError, type StoredSet } from './import-store.ts';

export type SetInfo = Omit<StoredSet, 'csv'> & { failed: string | null };
export type UserDataState = 'idle' | 'loading' | 'ready' | 'corrupt' | 'unavailable';

export class UserData {
  sets = $state<SetInfo[]>([]);
  state = $state<UserDataState>('idle');
  /** a calm explanation when the store cannot be read */
  problem = $state<string | null>(null);
  #meta: SiteMeta | null = null;
  #coordinator: Coordinator | null = null;
  #stored: Promise<StoredSet[]> = Promise.resolve([]);

  /** Called once by start-app.ts before the engine may start. */
  attach(meta: SiteMeta, coordinator: Coordinator): Promise<void> {
    this.#meta = meta;
    this.#coordinator = coordinator;
    this.state = 'loading';
    this.#stored = listSets().catch((e: unknown) => {
      console.warn('Egna data: lagret i webbläsaren', e);
      if (e instanceof CorruptStoreError) {
        this.state = 'corrupt';
        this.problem = `De sparade egna data i den här webbläsaren gick inte att läsa (${e.message}). Kolada-uppgifterna påverkas inte.`;
      } else if (e instanceof StoreUnavailableError) {
        this.state = 'unavailable';
        this.problem = `${e.message} Du kan fortfarande läsa in filer, men de försvinner när sidan laddas om. Kolada-uppgifterna påverkas inte.`;
      } else {
        this.state = 'unavailable';
        this.problem =
          'Egna data kan inte sparas i den här webbläsaren just nu. Du kan fortfarande läsa in filer, men de försvinner när sidan laddas om.';
      }
      return [];
    });
    return this.#stored.then((sets) => {
      if (this.state === 'loading') this.state = 'ready';
      this.sets = sets.map(info);
      for (const s of sets) this.#addKpis(s);
      if (sets.length) coordinator.clear();
    });
  }

  /** Re-ingests every stored set into a freshly started engine; a set that fails is marked, not fatal. */
  async restoreInto(ingest: (setId: string, csv: Uint8Array) => Promise<IngestReport>): Promise<void> {
    for (const s of await this.#stored) {
      if (!this.sets.some((x) => x.id === s.id)) continue;
      try {
        await ingest(s.id, s.csv);
        this.#mark(s.id, null);
      } catch (e) {
        this.#mark(s.id, plainMessage(e, 'restore'));
      }
    }
  }

  /**
   * Adds a confirmed import: engine first (all or nothing), then the browser store. `ingest` puts the
   * rows into the engine through a coordinator write and returns them as contract CSV for the store
   * (default: the ingest write of `csv`).
   */
  async add(
    set: Omit<StoredSet, 'report' | 'csv'> & { csv?: Uint8Array },
    ingest?: () => Promise<{ report: IngestReport; csv: Uint8Array }>,
  ): Promise<{ report: IngestReport; persisted: boolean }> {
    const coordinator = this.#coordinator!;
    ingest ??= async () => ({ report: await coordinator.write('ingest', { setId: set.id, csv: set.csv! }), csv: set.csv! });
    let report: IngestReport;
    let csv: Uint8Array;
    try {
      ({ report, csv } = await ingest());
    } catch (e) {
      if (isOutOfMemory(e)) {
        // The wasm engine may be dead; the next query starts a new one and restores the stored sets.
        this.restartEngine();
        throw new Error(OUT_OF_MEMORY_MESSAGE, { cause: e });
      }
      throw new Error(plainMessage(e, 'add'), { cause: e });
    }
    const stored: StoredSet = { ...set, csv, report };
    let persisted = this.state === 'ready';
    if (persisted) {
      try {
        await saveSet(stored);
      } catch (e) {
        console.warn('Egna data kunde inte sparas i IndexedDB', e);
        persisted = false;
      }
    }
    this.#stored = this.#stored.then((all) => [...all, stored]);
    this.sets = [...this.sets, info(stored)];
    this.#addKpis(stored);
    return { report, persisted };
  }

  /** After the engine ran out of memory: drop it; the next query starts a fresh one with every stored set. */
  restartEngine(): void {
    const coordinator = this.#coordinator!;
    coordinator.reset();
    coordinator.clear();
  }

  async remove(id: string): Promise<void> {
    const coordinator = this.#coordinator!;
    const running = coordinator.status === 'ready' || coordinator.status === 'starting';
    if (running) await coordinator.write('remove', { setId: id });
    if (this.state === 'ready') await deleteSet(id);
    const removed = this.sets.find((s) => s.id === id);
    this.sets = this.sets.filter((s) => s.id !== id);
    this.#stored = this.#stored.then((all) => all.filter((s) => s.id !== id));
    if (removed) this.#removeKpis(removed);
    // without a running engine nothing was written, but results restored from the store are gone;
    // the engine restores the remaining sets when it starts
    if (!running) coordinator.clear({ baseOnly: this.sets.length === 0 });
  }

  /** "Återställ egna data": deletes the browser store and every imported set; base data is untouched. */
  async reset(): Promise<void> {
    const coordinator = this.#coordinator!;
    const running = coordinator.status === 'ready';
    if (running) await coordinator.write('reset', { setIds: this.sets.map((s) => s.id) });
    await resetStore();
    for (const s of this.sets) this.#removeKpis(s);
    this.sets = [];
    this.#stored = Promise.resolve([]);
    this.state = 'ready';
    this.problem = null;
    // an engine still starting may be restoring a set right now: its data is not known to be the base data
    if (!running) coordinator.clear({ baseOnly: coordinator.status !== 'starting' });
  }

  #mark(id: string, failed: string | null) {
    this.sets = this.sets.map((s) => (s.id === id ? { ...s, failed } : s));
  }

  #addKpis(set: Pick<StoredSet, 'kpis' | 'periods'>) {
    const meta = this.#meta!;
    const known = new Set(meta.kpis.map((x) => x.id));
    const added = set.kpis.filter((k) => !known.has(k.id) && known.add(k.id));
    if (added.length) meta.kpis = [...meta.kpis, ...added];
    const periods = { ...meta.periods };
    mergePeriods(periods, set.periods);
    meta.periods = periods;
  }

  #removeKpis(set: Pick<SetInfo, 'kpis' | 'id'>) {
    const meta = this.#meta!;
    const stillUsed = new Set(this.sets.filter((s) => s.id !== set.id).flatMap((s) => s.kpis.map((k) => k.id)));
    const drop = new Set(set.kpis.map((k) => k.id).filter((id) => !stillUsed.has(id)));
    meta.kpis = meta.kpis.filter((k) => !(drop.has(k.id) && isOwnData(k)));
  }
}

function info(s: StoredSet): SetInfo {
  const { csv: _csv, ...rest } = s;
  return { ...rest, failed: null };
}

/** The one instance of the page (SSR never attaches it, so it stays empty there). */
export const userData = new UserData();
