/**
 * The page's side of the parse worker: one file at a time, request/response by id. Without Worker
 * support (tests in jsdom) the same ImportSession runs on the page.
 */
import type { ImportContext } from './import-file.ts';
import { ImportSession, type ImportSummary } from './import-session.ts';

export type RemapChange = Parameters<ImportSession['remap']>[0];

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type WorkerRequest =
  | { type: 'parse'; id: number; fileName: string; bytes: ArrayBuffer; ctx: ImportContext }
  | { type: 'remap'; id: number; change: RemapChange }
  | { type: 'csv'; id: number; rename: Record<string, string> };

export type WorkerResponse =
  | { type: 'summary'; id: number; summary: ImportSummary }
  | { type: 'csv'; id: number; bytes: Uint8Array }
  | { type: 'error'; id: number; message: string };

export interface ParseClient {
  parse(fileName: string, bytes: ArrayBuffer, ctx: ImportContext): Promise<ImportSummary>;
  remap(change: RemapChange): Promise<ImportSummary>;
  csv(rename: Record<string, string>): Promise<Uint8Array>;
  close(): void;
}

export function createParseClient(): ParseClient {
  if (typeof Worker === 'undefined') return inlineClient();
  const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
  let next = 1;
  const pending = new Map<number, { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void }>();
  worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
    const p = pending.get(e.data.id);
    pending.delete(e.data.id);
    if (!p) return;
    if (e.data.type === 'error') p.reject(new Error(e.data.message));
    else p.resolve(e.data);
  };
  worker.onerror = (e) => {
    const err = new Error(e.message || 'Filen kunde inte tolkas (arbetaren avslutades, kanske tog minnet slut).');
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  const ask = (req: DistributiveOmit<WorkerRequest, 'id'>, transfer: Transferable[] = []) =>
    new Promise<WorkerResponse>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...req, id }, transfer);
    });
  return {
    parse: async (fileName, bytes, ctx) => ((await ask({ type: 'parse', fileName, bytes, ctx }, [bytes])) as { summary: ImportSummary }).summary,
    remap: async (change) => ((await ask({ type: 'remap', change })) as { summary: ImportSummary }).summary,
    csv: async (rename) => ((await ask({ type: 'csv', rename })) as { bytes: Uint8Array }).bytes,
    close: () => worker.terminate(),
  };
}

function inlineClient(): ParseClient {
  let session: ImportSession | null = null;
  const need = () => {
    if (!session) throw new Error('Ingen fil är inläst.');
    return session;
  };
  return {
    parse: async (fileName, bytes, ctx) => (session = new ImportSession(fileName, new Uint8Array(bytes), ctx)).summary(),
    remap: async (change) => need().remap(change),
    csv: async (rename) => need().csv(rename),
    close: () => void (session = null),
  };
}
