/**
 * The page's side of the parse worker: one file at a time, request/response by id, with progress
 * messages in between. A big long CSV comes back as a fast-path plan (fast-path.ts) for DuckDB;
 * everything else as the careful path's summary. Without Worker support (tests in jsdom) the same
 * code runs on the page.
 */
import type { ImportContext } from '../parse/import-file.ts';
import { ImportSession, type ImportSummary, type RemapRequest } from './import-session.ts';
import { planFastLongCsv, type FastPlan } from '../parse/fast-path.ts';
import type { KpiRename } from '../parse/values-csv.ts';

export type RemapChange = RemapRequest;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type WorkerRequest =
  | { type: 'parse'; id: number; fileName: string; bytes: ArrayBuffer; ctx: ImportContext; allowFast: boolean }
  | { type: 'remap'; id: number; change: RemapChange }
  | { type: 'csv'; id: number; rename: KpiRename };

export type WorkerResponse =
  | { type: 'ready'; id: 0 }
  | { type: 'summary'; id: number; summary: ImportSummary }
  | { type: 'fast'; id: number; plan: FastPlan }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'csv'; id: number; bytes: Uint8Array }
  | { type: 'error'; id: number; message: string; memory?: boolean };

export type ParseOutcome = { kind: 'summary'; summary: ImportSummary } | { kind: 'fast'; plan: FastPlan };

export interface ParseClient {
  /** `onProgress(fraction)` while the worker scans a file for the fast path. */
  parse(
    fileName: string,
    bytes: ArrayBuffer,
    ctx: ImportContext,
    options?: { allowFast?: boolean; onProgress?: (fraction: number) => void },
  ): Promise<ParseOutcome>;
  remap(change: RemapChange): Promise<ImportSummary>;
  csv(rename: KpiRename): Promise<Uint8Array>;
  close(): void;
}

/** Runs one parse request; shared by the worker and the inline client. */
export function handleParse(
  fileName: string,
  bytes: Uint8Array,
  ctx: ImportContext,
  allowFast: boolean,
  onProgress: (done: number, total: number) => void,
): { outcome: ParseOutcome; session: ImportSession | null } {
  const plan = allowFast ? planFastLongCsv(fileName, bytes, ctx.defaults, onProgress) : null;
  if (plan) return { outcome: { kind: 'fast', plan }, session: null };
  const session = new ImportSession(fileName, bytes, ctx);
  return { outcome: { kind: 'summary', summary: session.summary() }, session };
}

export class WorkerMemoryError extends Error {}

const WORKER_LOAD_TIMEOUT_MS = 10_000;

/**
 * The worker's client. Requests wait until the worker has said it is running, so the file's bytes are
 * transferred only to a worker that exists; a worker that cannot load (blocked or missing script)
 * hands every request to the page instead of calling a small file too big for memory.
 */
export function createParseClient(): ParseClient {
  if (typeof Worker === 'undefined') return inlineClient();
  const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
  let next = 1;
  const pending = new Map<
    number,
    { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void; progress?: (fraction: number) => void }
  >();
  let started: (running: boolean) => void = () => {};
  const running = new Promise<boolean>((resolve) => (started = resolve));
  // A blocked script does not always fire an error event: a worker silent this long never loaded.
  const silent = setTimeout(() => started(false), WORKER_LOAD_TIMEOUT_MS);
  void running.then(() => clearTimeout(silent));
  let fallback: ParseClient | null = null;
  const onPage = async (): Promise<ParseClient | null> => {
    if (await running) return null;
    if (!fallback) {
      console.warn('The parse worker could not start; files are read on the page instead.');
      worker.terminate();
      fallback = inlineClient();
    }
    return fallback;
  };
  worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
    if (e.data.type === 'ready') return started(true);
    const p = pending.get(e.data.id);
    if (!p) return;
    if (e.data.type === 'progress') {
      p.progress?.(e.data.total ? e.data.done / e.data.total : 0);
      return;
    }
    pending.delete(e.data.id);
    if (e.data.type === 'error') p.reject(e.data.memory ? new WorkerMemoryError(e.data.message) : new Error(e.data.message));
    else p.resolve(e.data);
  };
  worker.onerror = (e) => {
    started(false);
    // A worker that dies while parsing (it had started) has almost always run out of memory.
    const err = new WorkerMemoryError(e.message || 'Arbetaren som läser filen avslutades oväntat.');
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  const ask = (req: DistributiveOmit<WorkerRequest, 'id'>, transfer: Transferable[] = [], progress?: (fraction: number) => void) =>
    new Promise<WorkerResponse>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject, progress });
      worker.postMessage({ ...req, id }, transfer);
    });
  return {
    parse: async (fileName, bytes, ctx, options = {}) => {
      const page = await onPage();
      if (page) return page.parse(fileName, bytes, ctx, options);
      const r = await ask({ type: 'parse', fileName, bytes, ctx, allowFast: options.allowFast ?? true }, [bytes], options.onProgress);
      return r.type === 'fast' ? { kind: 'fast', plan: r.plan } : { kind: 'summary', summary: (r as { summary: ImportSummary }).summary };
    },
    remap: async (change) => {
      const page = await onPage();
      if (page) return page.remap(change);
      return ((await ask({ type: 'remap', change })) as { summary: ImportSummary }).summary;
    },
    csv: async (rename) => {
      const page = await onPage();
      if (page) return page.csv(rename);
      return ((await ask({ type: 'csv', rename })) as { bytes: Uint8Array }).bytes;
    },
    close: () => {
      worker.terminate();
      fallback?.close();
    },
  };
}

function inlineClient(): ParseClient {
  let session: ImportSession | null = null;
  const need = () => {
    if (!session) throw new Error('Ingen fil är inläst.');
    return session;
  };
  return {
    parse: async (fileName, bytes, ctx, options = {}) => {
      const r = handleParse(fileName, new Uint8Array(bytes), ctx, options.allowFast ?? true, (d, t) => options.onProgress?.(t ? d / t : 0));
      session = r.session;
      return r.outcome;
    },
    remap: async (change) => need().remap(change),
    csv: async (rename) => need().csv(rename),
    close: () => void (session = null),
  };
}
