import { describe, expect, it } from 'vitest';
import { createContext, runInContext } from 'node:vm';
import { workerBootstrapSource } from '../../src/engine/worker-bootstrap.ts';

const URLS = { workerUrl: 'http://x/duckdb-worker.js', wasmUrl: 'http://x/duckdb-eh.wasm', exportsUrl: 'http://x/duckdb-eh.exports.json' };
const tick = () => new Promise((r) => setTimeout(r, 5));

/**
 * The bootstrap in a worker-like global: fetch, WebAssembly and importScripts are stand-ins that record
 * what the script does; `onmessage` is called as a worker calls it for each message from the page.
 */
function runBootstrap(opts: { exportsList?: unknown; exportsStatus?: number } = {}) {
  const log: string[] = [];
  const received: unknown[] = [];
  const instanceExports = { duckdb_web_open: () => 1, malloc: () => 2, _ZN6duckdb3fooEv: () => 3 };
  const global: Record<string, unknown> = {
    setTimeout,
    Response,
    Request,
    MessageEvent,
    fetch: async (url: string) => {
      log.push(`fetch ${url}`);
      if (url === URLS.exportsUrl)
        return new Response(typeof opts.exportsList === 'string' ? opts.exportsList : JSON.stringify(opts.exportsList ?? []), {
          status: opts.exportsStatus ?? 200,
        });
      return new Response(new Uint8Array([0, 97, 115, 109]), { headers: { 'content-type': 'application/wasm' } });
    },
    WebAssembly: {
      compileStreaming: async (response: Promise<Response>) => (await response, 'compiled module'),
      instantiate: async (module: string) => ({ module, exports: instanceExports }),
    },
    importScripts: (url: string) => {
      log.push(`importScripts ${url}`);
      global.onmessage = (e: { data: unknown }) => received.push(e.data);
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
  return { log, received, post, instantiate, instanceExports };
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
    expect(w.received).toEqual(['instantiate', 'open']);
    w.post('connect');
    expect(w.received).toEqual(['instantiate', 'open', 'connect']);
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
