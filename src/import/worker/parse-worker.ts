/// <reference lib="webworker" />
/** Parses an imported file off the page's thread (module worker); see parse-client.ts and import-session.ts. */
import type { ImportSession } from './import-session.ts';
import { handleParse, type WorkerRequest, type WorkerResponse } from './parse-client.ts';
import { isOutOfMemory } from '../memory-errors.ts';

let session: ImportSession | null = null;

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const m = e.data;
  const reply = (r: WorkerResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(r, transfer);
  try {
    if (m.type === 'parse') {
      session = null;
      let last = -1;
      const { outcome, session: s } = handleParse(m.fileName, new Uint8Array(m.bytes), m.ctx, m.allowFast, (done, total) => {
        const pct = Math.floor((100 * done) / total);
        if (pct !== last) reply({ type: 'progress', id: m.id, done, total });
        last = pct;
      });
      session = s;
      if (outcome.kind === 'fast') reply({ type: 'fast', id: m.id, plan: outcome.plan }, [outcome.plan.bytes.buffer as ArrayBuffer]);
      else reply({ type: 'summary', id: m.id, summary: outcome.summary });
    } else if (m.type === 'remap') {
      if (!session) throw new Error('Ingen fil är inläst.');
      reply({ type: 'summary', id: m.id, summary: session.remap(m.change) });
    } else if (m.type === 'csv') {
      if (!session) throw new Error('Ingen fil är inläst.');
      const bytes = session.csv(m.rename);
      reply({ type: 'csv', id: m.id, bytes }, [bytes.buffer]);
    }
  } catch (err) {
    session = null;
    reply({ type: 'error', id: m.id, message: String((err as Error)?.message ?? err), memory: isOutOfMemory(err) });
  }
};

// Requests wait for this (parse-client.ts), so a worker that fails to load is told apart from one that died.
(self as unknown as Worker).postMessage({ type: 'ready', id: 0 } satisfies WorkerResponse);
