/** Why the wasm could not be had, as the bootstrap reports it (worker-life.ts words it for people). */
export type WasmFailure = { kind: 'http'; status: number } | { kind: 'network' } | { kind: 'compile'; message: string };

export interface BootstrapOptions {
  /** duckdb-wasm's own worker script, absolute URL */
  workerUrl: string;
  /** the wasm module, absolute URL (duckdb-wasm asks for exactly this one) */
  wasmUrl: string;
  /** JSON list of the wasm exports duckdb-wasm's JavaScript can reach (scripts/site/duckdb-glue-exports.ts) */
  exportsUrl: string;
  /** a Web Lock the worker holds for its whole life; absent without the Locks API */
  lockName?: string;
  /** BroadcastChannel on which a WasmFailure is reported */
  failureChannel: string;
}

/**
 * Source of the first script the DuckDB worker runs (from a blob URL), before duckdb-wasm's own worker:
 *
 * - it takes the Web Lock that tells the page when the worker has died (worker-life.ts);
 * - it starts downloading and compiling the wasm at once, while duckdb-wasm's worker script and the
 *   page's half of the library are still loading, and hands that module to duckdb-wasm's later
 *   `instantiateStreaming` call (whose own fetch of the wasm gets an empty answer, so the wasm comes
 *   once). Compiling straight from a `fetch()` answer also lets Chromium cache the compiled code for the
 *   next visit, which duckdb-wasm's progress stream around the answer prevents;
 * - it hands duckdb-wasm's JavaScript only the exports it can reach (exportsUrl): its start-up walks
 *   every export it is given, and the module exports 75,011 symbols for side modules that cannot load
 *   here. Without the list (a failed fetch) it gets them all, as before: slower, not wrong;
 * - it loads duckdb-wasm's worker script (772 kB of JavaScript to compile) one task later, once the wasm
 *   request is under way, keeping the page's messages meanwhile and giving them to that script's
 *   handler in order: compiled first, the script held back the start of the wasm's stream;
 * - it starts DuckDB itself as soon as duckdb-wasm's script is in (instantiate, then a first connect,
 *   which opens the database), without waiting for the page: on two cores the page's main thread is
 *   busy hydrating then, and its own INSTANTIATE came 100–300 ms after the wasm was compiled. The
 *   page's INSTANTIATE is answered with the outcome of that start; its own requests' answers never
 *   reach the page (their ids are negative, the page's count up from 0);
 * - it reports a wasm that cannot be fetched or compiled on a BroadcastChannel: duckdb-wasm would
 *   swallow that error and never answer the page.
 */
export function workerBootstrapSource(o: BootstrapOptions): string {
  return `'use strict';
(() => {
  const o = ${JSON.stringify(o)};
  if (o.lockName) navigator.locks.request(o.lockName, () => new Promise(() => {}));
  const report = (failure) => {
    const channel = new BroadcastChannel(o.failureChannel);
    channel.postMessage(failure);
    channel.close();
  };
  const realFetch = self.fetch;
  const download = () =>
    realFetch(o.wasmUrl, { credentials: 'same-origin' }).then(
      (r) => {
        if (!r.ok) throw { kind: 'http', status: r.status };
        return r;
      },
      () => {
        throw { kind: 'network' };
      },
    );
  const compiled = WebAssembly.compileStreaming(download()).catch((e) =>
    // A server that does not call it application/wasm: compile from the bytes instead.
    e instanceof TypeError && /MIME/i.test(e.message) ? download().then((r) => r.arrayBuffer()).then((b) => WebAssembly.compile(b)) : Promise.reject(e),
  );
  compiled.catch((e) => report(e && e.kind ? e : { kind: 'compile', message: String((e && e.message) || e) }));
  let handedOver = false;
  self.fetch = function (input, init) {
    const url = input instanceof Request ? input.url : String(input);
    if (!handedOver && url === o.wasmUrl) {
      handedOver = true;
      return Promise.resolve(new Response(new Uint8Array(0), { headers: { 'content-type': 'application/wasm' } }));
    }
    return realFetch.call(this, input, init);
  };
  const reachable = realFetch(o.exportsUrl, { credentials: 'same-origin' }).then(
    (r) => (r.ok ? r.json() : null),
    () => null,
  );
  WebAssembly.instantiateStreaming = async (_source, imports) => {
    const module = await compiled;
    const instance = await WebAssembly.instantiate(module, imports);
    const names = await reachable.catch(() => null);
    if (!Array.isArray(names)) return { module, instance };
    const exports = Object.create(null);
    for (const name of names) if (Object.hasOwn(instance.exports, name)) exports[name] = instance.exports[name];
    return { module, instance: { exports: Object.freeze(exports) } };
  };
  const waiting = [];
  self.onmessage = (e) => waiting.push(e.data);
  setTimeout(() => {
    self.onmessage = null;
    importScripts(o.workerUrl);
    const handle = self.onmessage;
    const realPost = self.postMessage.bind(self);
    const own = new Map();
    let ownId = -1;
    self.postMessage = (m, transfer) => {
      const answer = m && own.get(m.requestId);
      if (!answer) return realPost(m, transfer);
      if (m.type === 'INSTANTIATE_PROGRESS') return;
      own.delete(m.requestId);
      answer(m);
    };
    const ask = (type, data) =>
      new Promise((resolve) => {
        const messageId = ownId--;
        own.set(messageId, resolve);
        handle({ data: { messageId, type, data } });
      });
    // Without a module (reported above, the page ends this worker) nothing starts: duckdb-wasm leaves a
    // failed instantiateStreaming unhandled, which only adds an "Uncaught (in promise)" to the console.
    const started = compiled.then(
      () =>
        ask('INSTANTIATE', [o.wasmUrl, null]).then(async (r) => {
          if (r.type !== 'OK') return r;
          const c = await ask('CONNECT', null);
          if (c.type === 'CONNECTION_INFO') await ask('DISCONNECT', c.data);
          return r;
        }),
      () => new Promise(() => {}),
    );
    let pageInstantiated = false;
    self.onmessage = (e) => {
      const d = e.data;
      if (!d || d.type !== 'INSTANTIATE' || pageInstantiated) return handle(e);
      pageInstantiated = true;
      started.then((r) => realPost({ messageId: ownId--, requestId: d.messageId, type: r.type, data: r.data }, []));
    };
    for (const data of waiting) self.dispatchEvent(new MessageEvent('message', { data }));
  });
})();
`;
}
