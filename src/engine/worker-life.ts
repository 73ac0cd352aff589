import { workerBootstrapSource, type WasmFailure } from './worker-bootstrap.ts';

/**
 * Starts the DuckDB worker (its wasm starts downloading and compiling at once, worker-bootstrap.ts)
 * and notices its death even when it sends no error event (terminated, crashed, killed by the
 * browser): the worker takes a Web Lock with a unique name on its first line, and a lock is released
 * only when its holder ends, so our own request for the same lock is granted exactly when the worker
 * is gone. A wasm that cannot be fetched or compiled counts as a death with its own message.
 *
 * Under the site's CSP (`worker-src 'self' blob:`, `script-src 'self'`) the blob worker inherits the
 * page's policy and may import the same-origin script. Without the Locks API only error events and
 * the wasm report are noticed.
 */
export interface EngineWorker {
  worker: Worker;
  /** rejects once the worker is dead or its wasm failed; never resolves */
  readonly died: Promise<never>;
  readonly gone: boolean;
  /** marks the worker dead with this error (the caller terminates it if need be) */
  die(e: Error): void;
  /** ends the worker on purpose: stops watching, terminates it; calls are refused from now on, `died` stays pending */
  end(): void;
  /** resolves once death can be detected (the worker holds its lock), or at once without Locks */
  watching: Promise<void>;
  /** stops watching (before our own, expected termination) */
  stop(): void;
}

export const DIED_MESSAGE = 'DuckDB-arbetaren avslutades oväntat';
const HOLD_WAIT_MS = 5_000;

/** The wasm failure in the words the page shows. */
export function wasmFailureMessage(f: WasmFailure): string {
  if (f.kind === 'http') return `databasmotorn kunde inte hämtas (${f.status})`;
  if (f.kind === 'network') return 'databasmotorn kunde inte hämtas (nätverksfel)';
  return `databasmotorn kunde inte startas (${f.message})`;
}

export function startEngineWorker(urls: { workerUrl: string; wasmUrl: string; exportsUrl: string }): EngineWorker {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const name = `jamfor-duckdb-worker-${crypto.randomUUID()}`;
  const source = workerBootstrapSource({ ...urls, lockName: locks ? name : undefined, failureChannel: name });
  const blobUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new Worker(blobUrl);
  const stopped = new AbortController();
  let gone = false;
  let reject: (e: Error) => void = () => {};
  const died = new Promise<never>((_, r) => (reject = r));
  died.catch(() => {});
  const die = (e: Error) => {
    if (gone) return;
    gone = true;
    reject(e);
  };
  worker.addEventListener('error', (e) => die(new Error(e.message || DIED_MESSAGE)));
  worker.addEventListener('messageerror', () => die(new Error(DIED_MESSAGE)));
  const channel = new BroadcastChannel(name);
  channel.onmessage = (e: MessageEvent<WasmFailure>) => die(new Error(wasmFailureMessage(e.data)));
  const stop = () => {
    stopped.abort();
    channel.close();
    URL.revokeObjectURL(blobUrl);
  };
  const watching = (async () => {
    if (!locks) return;
    const until = Date.now() + HOLD_WAIT_MS;
    while (!(await locks.query()).held?.some((l) => l.name === name)) {
      if (stopped.signal.aborted) return;
      if (Date.now() > until) return; // the worker never took its lock: rely on error events only
      await new Promise((r) => setTimeout(r, 20));
    }
    URL.revokeObjectURL(blobUrl);
    locks
      .request(name, { signal: stopped.signal }, () => {
        if (!stopped.signal.aborted) die(new Error(DIED_MESSAGE));
      })
      .catch(() => {});
  })();
  return {
    worker,
    died,
    get gone() {
      return gone;
    },
    die,
    end() {
      stop();
      gone = true;
      worker.terminate();
    },
    watching,
    stop,
  };
}
