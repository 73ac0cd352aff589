/**
 * Notices a worker's death even when it sends no error event (terminated, crashed, killed by the
 * browser). The worker is started from a tiny blob wrapper that first takes a Web Lock with a unique
 * name, then loads the real worker script with importScripts. A lock is released only when its holder
 * ends, so our own request for the same lock is granted exactly when the worker is gone.
 *
 * Under the site's CSP (`worker-src 'self' blob:`, `script-src 'self'`) the blob worker inherits the
 * page's policy and may import the same-origin script. Without the Locks API the worker is started
 * directly and only error events are noticed.
 */
export interface WorkerLife {
  worker: Worker;
  /** resolves once death can be detected (the worker holds its lock), or at once without Locks */
  watching: Promise<void>;
  /** stops watching (before our own, expected termination) */
  stop(): void;
}

const HOLD_WAIT_MS = 5_000;

export function watchWorkerLife(workerUrl: string, onDeath: () => void): WorkerLife {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return { worker: new Worker(workerUrl), watching: Promise.resolve(), stop() {} };
  const name = `jamfor-duckdb-worker-${crypto.randomUUID()}`;
  const source = `navigator.locks.request(${JSON.stringify(name)}, () => new Promise(() => {}));\nimportScripts(${JSON.stringify(workerUrl)});\n`;
  const blobUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new Worker(blobUrl);
  const stopped = new AbortController();
  const watching = (async () => {
    const until = Date.now() + HOLD_WAIT_MS;
    while (!(await locks.query()).held?.some((l) => l.name === name)) {
      if (stopped.signal.aborted) return;
      if (Date.now() > until) return; // the worker never took its lock: rely on error events only
      await new Promise((r) => setTimeout(r, 20));
    }
    URL.revokeObjectURL(blobUrl);
    locks
      .request(name, { signal: stopped.signal }, () => {
        if (!stopped.signal.aborted) onDeath();
      })
      .catch(() => {});
  })();
  return {
    worker,
    watching,
    stop() {
      stopped.abort();
      URL.revokeObjectURL(blobUrl);
    },
  };
}
