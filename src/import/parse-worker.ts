/// <reference lib="webworker" />
/** Parses an imported file off the page's thread (module worker); see import-session.ts. */
import { ImportSession } from './import-session.ts';
import type { WorkerRequest, WorkerResponse } from './parse-client.ts';

let session: ImportSession | null = null;

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const m = e.data;
  const reply = (r: WorkerResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(r, transfer);
  try {
    if (m.type === 'parse') {
      session = new ImportSession(m.fileName, new Uint8Array(m.bytes), m.ctx);
      reply({ type: 'summary', id: m.id, summary: session.summary() });
    } else if (m.type === 'remap') {
      if (!session) throw new Error('Ingen fil är inläst.');
      reply({ type: 'summary', id: m.id, summary: session.remap(m.change) });
    } else if (m.type === 'csv') {
      if (!session) throw new Error('Ingen fil är inläst.');
      const bytes = session.csv(m.rename);
      reply({ type: 'csv', id: m.id, bytes }, [bytes.buffer]);
    }
  } catch (err) {
    reply({ type: 'error', id: m.id, message: String((err as Error)?.message ?? err) });
  }
};
