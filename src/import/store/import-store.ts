/**
 * Imported sets kept in this browser's IndexedDB ("jamfor-egna-data", store "sets"): the accepted
 * rows as contract values CSV bytes plus the KPI definitions, so a reload re-ingests them. Nothing
 * here ever leaves the browser.
 */
import type { Kpi } from '../../data/contract.ts';
import type { IngestReport } from '../../core/user-values.ts';

export const DB_NAME = 'jamfor-egna-data';
const STORE = 'sets';

export interface StoredSet {
  id: string;
  fileName: string;
  /** ISO time of the import */
  importedAt: string;
  rowCount: number;
  /** KPIs the set adds to the runtime list (ids already known to the site are not repeated) */
  kpis: Kpi[];
  /** all KPI ids in the set, for the list */
  kpiIds: string[];
  /** periods per KPI id, added to meta.periods */
  periods: Record<string, string[]>;
  csv: Uint8Array;
  report: IngestReport | null;
}

export class CorruptStoreError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'CorruptStoreError';
  }
}

/** IndexedDB is there but may not be used now (private mode, blocked by settings or by another tab): not a damaged store. */
export class StoreUnavailableError extends Error {
  constructor(message = 'Egna data kan inte sparas i den här webbläsaren (lagringen är blockerad eller avstängd).') {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

const UNAVAILABLE = new Set([
  'SecurityError',
  'InvalidStateError',
  'NotAllowedError',
  'UnknownError',
  'QuotaExceededError',
  'AbortError',
  'VersionError',
  'TimeoutError',
]);

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB-fel'));
  });
}

function open(): Promise<IDBDatabase> {
  if (typeof indexedDB === 'undefined')
    return Promise.reject(new StoreUnavailableError('Webbläsaren saknar IndexedDB, så egna data kan inte sparas.'));
  let r: IDBOpenDBRequest;
  try {
    r = indexedDB.open(DB_NAME, 1);
  } catch {
    return Promise.reject(new StoreUnavailableError());
  }
  r.onupgradeneeded = () => {
    if (!r.result.objectStoreNames.contains(STORE)) r.result.createObjectStore(STORE, { keyPath: 'id' });
  };
  return new Promise((resolve, reject) => {
    r.onblocked = () =>
      reject(
        new StoreUnavailableError(
          'Egna data kan inte läsas just nu: lagringen används av en annan flik med en annan version av sidan. Stäng andra flikar med Jämför och ladda om.',
        ),
      );
    request(r).then(resolve, (e: unknown) =>
      reject(e instanceof DOMException && UNAVAILABLE.has(e.name) ? new StoreUnavailableError() : e),
    );
  });
}

async function withStore<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    const tx = db.transaction(STORE, mode);
    const result = await request(f(tx.objectStore(STORE)));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB-transaktionen avbröts'));
    });
    return result;
  } finally {
    db.close();
  }
}

/** Every stored set, oldest first; throws CorruptStoreError when a record is not what we wrote. */
export async function listSets(): Promise<StoredSet[]> {
  let raw: unknown[];
  try {
    const db = await open();
    if (!db.objectStoreNames.contains(STORE)) {
      db.close();
      throw new CorruptStoreError('lagret saknar tabellen för datamängder');
    }
    db.close();
    raw = await withStore('readonly', (s) => s.getAll());
  } catch (e) {
    if (e instanceof CorruptStoreError || e instanceof StoreUnavailableError) throw e;
    if (e instanceof DOMException && UNAVAILABLE.has(e.name)) throw new StoreUnavailableError();
    throw new CorruptStoreError(String((e as Error)?.message ?? e));
  }
  const sets = raw.map(checkSet);
  return sets.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
}

export function saveSet(set: StoredSet): Promise<IDBValidKey> {
  return withStore('readwrite', (s) => s.put(set));
}

export async function deleteSet(id: string): Promise<void> {
  await withStore('readwrite', (s) => s.delete(id));
}

/** Deletes the whole store (only imported data; the site's own data is not in IndexedDB). */
export function resetStore(): Promise<void> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.deleteDatabase(DB_NAME);
    r.onsuccess = () => resolve();
    r.onerror = () => reject(r.error ?? new Error('Kunde inte radera lagret'));
    r.onblocked = () => resolve();
  });
}

function checkSet(x: unknown): StoredSet {
  const s = x as (Omit<Partial<StoredSet>, 'csv'> & { csv?: unknown }) | null;
  const ok =
    !!s &&
    typeof s === 'object' &&
    typeof s.id === 'string' &&
    typeof s.fileName === 'string' &&
    typeof s.importedAt === 'string' &&
    typeof s.rowCount === 'number' &&
    Array.isArray(s.kpis) &&
    s.kpis.every((k) => k && typeof k.id === 'string' && typeof k.title === 'string') &&
    Array.isArray(s.kpiIds) &&
    (s.csv instanceof Uint8Array || s.csv instanceof ArrayBuffer);
  if (!ok) throw new CorruptStoreError('en sparad datamängd har fel form');
  const csv = s.csv instanceof ArrayBuffer ? new Uint8Array(s.csv) : (s.csv as Uint8Array);
  const header = new TextDecoder().decode(csv.subarray(0, 40));
  if (!header.startsWith('kpi,municipality_id,period,gender,value')) throw new CorruptStoreError(`datamängden ”${s.fileName}” är skadad`);
  return { ...(s as StoredSet), csv, periods: s.periods && typeof s.periods === 'object' ? s.periods : {}, report: s.report ?? null };
}
