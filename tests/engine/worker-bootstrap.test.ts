import { describe, expect, it, vi } from 'vitest';
import { createContext, runInContext } from 'node:vm';
import { workerBootstrapSource } from '../../src/engine/worker-bootstrap.ts';

const URLS = { workerUrl: 'http://x/duckdb-worker.js', wasmUrl: 'http://x/duckdb-eh.wasm', exportsUrl: 'http://x/duckdb-eh.exports.json' };
const tick = () => new Promise((r) => setTimeout(r, 5));

/**
 * The bootstrap in a worker-like global: fetch, WebAssembly and importScripts are stand-ins that record
 * what the script does; `onmessage` is called as a worker calls it for each message from the page.
 */
type Request = { messageId: number; type: string; data: unknown };
type Answer = { messageId: number; requestId: number; type: string; data: unknown };

/** duckdb-wasm's worker as far as the bootstrap's own start sees it: each request answered a task later. */
function duckdbAnswer(failStart: boolean) {
  let next = 100;
  return (r: Request): Answer[] => {
    const answer = (type: string, data: unknown = null) => ({ messageId: next++, requestId: r.messageId, type, data });
    if (r.type === 'INSTANTIATE')
      return [answer('INSTANTIATE_PROGRESS', { bytesLoaded: 1 }), failStart ? answer('ERROR', { message: 'no wasm' }) : answer('OK')];
    if (r.type === 'CONNECT') return [answer('CONNECTION_INFO', 7)];
    return [answer('OK')];
  };
}

function runBootstrap(opts: { exportsList?: unknown; exportsStatus?: number; failStart?: boolean; wasmStatus?: number } = {}) {
  const log: string[] = [];
  const received: unknown[] = [];
  const posted: Answer[] = [];
  const events: string[] = [];
  const reported: unknown[] = [];
  const answer = duckdbAnswer(opts.failStart ?? false);
  const instanceExports = { duckdb_web_open: () => 1, malloc: () => 2, _ZN6duckdb3fooEv: () => 3 };
  const global: Record<string, unknown> = {
    setTimeout,
    Response,
    Request,
    BroadcastChannel: class {
      postMessage(m: unknown) {
        reported.push(m);
      }
      close() {}
    },
    MessageEvent,
    fetch: async (url: string) => {
      log.push(`fetch ${url}`);
      if (url === URLS.exportsUrl)
        return new Response(typeof opts.exportsList === 'string' ? opts.exportsList : JSON.stringify(opts.exportsList ?? []), {
          status: opts.exportsStatus ?? 200,
        });
      return new Response(new Uint8Array([0, 97, 115, 109]), {
        status: opts.wasmStatus ?? 200,
        headers: { 'content-type': 'application/wasm' },
      });
    },
    WebAssembly: {
      compileStreaming: async (response: Promise<Response>) => (await response, 'compiled module'),
      instantiate: async (module: string) => ({ module, exports: instanceExports }),
    },
    importScripts: (url: string) => {
      log.push(`importScripts ${url}`);
      global.onmessage = (e: { data: unknown }) => {
        received.push(e.data);
        const r = e.data as Request;
        if (typeof r === 'object') events.push(`duckdb got ${r.type} ${r.messageId}`);
        if (typeof r === 'object' && r?.type)
          setTimeout(() => {
            for (const a of answer(r)) (global.postMessage as (m: unknown, t: unknown[]) => void)(a, []);
          }, 1);
      };
    },
    postMessage: (m: Answer) => {
      posted.push(m);
      events.push(`page got ${m.type} for ${m.requestId}`);
    },
    dispatchEvent: (e: { data: unknown }) => (global.onmessage as (e: unknown) => void)(e),
  };
  global.self = global;
  createContext(global);
  runInContext(workerBootstrapSource({ ...URLS, failureChannel: 'test' }), global);
  const post = (data: unknown) => (global.onmessage as (e: { data: unknown }) => void)({ data });
  const instantiate = () =>
    (
      global.WebAssembly as { instantiateStreaming(s: unknown, i: unknown): Promise<{ module: string; instance: { exports: object } }> }
    ).instantiateStreaming(null, {});
  return { log, received, posted, events, reported, post, instantiate, instanceExports };
}

describe('the DuckDB worker bootstrap', () => {
  it("asks for the wasm first, loads duckdb-wasm's script a task later, and gives it the page's earlier messages in order", async () => {
    const w = runBootstrap();
    w.post('instantiate');
    w.post('open');
    expect(w.log).toEqual([`fetch ${URLS.wasmUrl}`, `fetch ${URLS.exportsUrl}`]);
    expect(w.received).toEqual([]);
    await tick();
    expect(w.log.at(-1)).toBe(`importScripts ${URLS.workerUrl}`);
    expect(w.received.filter((m) => typeof m === 'string')).toEqual(['instantiate', 'open']);
    w.post('connect');
    expect(w.received.filter((m) => typeof m === 'string')).toEqual(['instantiate', 'open', 'connect']);
  });

  it('starts DuckDB itself once its script is in, and none of the answers to that reaches the page', async () => {
    const w = runBootstrap();
    // waits for the outcome, not a number of timer turns (a loaded machine reorders those)
    await vi.waitFor(() => expect(w.received).toHaveLength(3));
    await tick();
    expect(w.received).toEqual([
      { messageId: -1, type: 'INSTANTIATE', data: [URLS.wasmUrl, null] },
      { messageId: -2, type: 'CONNECT', data: null },
      { messageId: -3, type: 'DISCONNECT', data: 7 },
    ]);
    expect(w.posted).toEqual([]);
  });

  it("answers the page's INSTANTIATE with its own start, once that has opened the database, and passes the rest on", async () => {
    const w = runBootstrap();
    w.post({ messageId: 0, type: 'INSTANTIATE', data: [URLS.wasmUrl, null] });
    await vi.waitFor(() => expect(w.posted).toHaveLength(1));
    w.post({ messageId: 1, type: 'CONNECT', data: null });
    await vi.waitFor(() => expect(w.posted).toHaveLength(2));
    expect(w.events).toEqual([
      'duckdb got INSTANTIATE -1',
      'duckdb got CONNECT -2',
      'duckdb got DISCONNECT -3',
      'page got OK for 0',
      'duckdb got CONNECT 1',
      'page got CONNECTION_INFO for 1',
    ]);
    expect(w.posted[0]).toEqual({ messageId: -4, requestId: 0, type: 'OK', data: null });
  });

  it("gives the page's INSTANTIATE the error of a failed start, and opens nothing", async () => {
    const w = runBootstrap({ failStart: true });
    w.post({ messageId: 0, type: 'INSTANTIATE', data: [URLS.wasmUrl, null] });
    await vi.waitFor(() => expect(w.posted).toHaveLength(1));
    await tick();
    expect(w.received.map((m) => (m as Request).type)).toEqual(['INSTANTIATE']);
    expect(w.posted).toEqual([{ messageId: -2, requestId: 0, type: 'ERROR', data: { message: 'no wasm' } }]);
  });

  it('starts nothing when the wasm cannot be had, and reports why', async () => {
    const w = runBootstrap({ wasmStatus: 404 });
    w.post({ messageId: 0, type: 'INSTANTIATE', data: [URLS.wasmUrl, null] });
    await vi.waitFor(() => expect(w.reported).toHaveLength(1));
    await tick();
    await tick();
    expect(w.reported).toEqual([{ kind: 'http', status: 404 }]);
    expect(w.received).toEqual([]);
    expect(w.posted).toEqual([]);
  });

  it('hands duckdb-wasm only the exports on the list', async () => {
    const w = runBootstrap({ exportsList: ['malloc', 'duckdb_web_open', 'not_exported'] });
    const { module, instance } = await w.instantiate();
    expect(module).toBe('compiled module');
    expect(Object.keys(instance.exports).sort()).toEqual(['duckdb_web_open', 'malloc']);
    expect(instance.exports).toMatchObject({ malloc: w.instanceExports.malloc });
    expect(Object.isFrozen(instance.exports)).toBe(true);
  });

  it('hands over every export when the list is missing or unreadable', async () => {
    for (const opts of [{ exportsStatus: 404 }, { exportsList: '{not json' }, { exportsList: { malloc: true } }]) {
      const { instance } = await runBootstrap(opts).instantiate();
      expect(Object.keys(instance.exports).sort(), JSON.stringify(opts)).toEqual(['_ZN6duckdb3fooEv', 'duckdb_web_open', 'malloc']);
    }
  });
});
