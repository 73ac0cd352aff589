import { describe, expect, it } from 'vitest';
import { backoffDelay, createClient, parseRetryAfter, type FetchLike } from '../../src/kolada-api/client.ts';

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers });

/** a fetch that plays the given responses in order and records calls */
function scripted(steps: ((signal: AbortSignal) => Promise<Response> | Response)[]) {
  const calls: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push(url);
    const step = steps[calls.length - 1];
    if (!step) throw new Error('unexpected extra request');
    return step(init.signal);
  };
  return { fetch, calls };
}

describe('createClient', () => {
  it('honours Retry-After on 429 and backs off exponentially on 5xx', async () => {
    const sleeps: number[] = [];
    const { fetch, calls } = scripted([
      () => json({}, 429, { 'retry-after': '3' }),
      () => json({}, 503),
      () => json({}, 500),
      () => json({ values: [1] }),
    ]);
    const c = createClient({ fetch, sleep: async (ms) => void sleeps.push(ms), random: () => 0, baseDelayMs: 100 });
    expect(await c.getJson('http://x/a')).toEqual({ values: [1] });
    expect(sleeps).toEqual([3000, 200, 400]);
    expect(calls).toHaveLength(4);
    expect(c.stats).toEqual({ requests: 4, retries: 3 });
  });

  it('retries dropped connections, truncated bodies and timeouts', async () => {
    const sleeps: number[] = [];
    const { fetch } = scripted([
      () => {
        throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
      },
      () => new Response('{"values": [1, 2'),
      (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
      () => json({ values: [] }),
    ]);
    const reasons: string[] = [];
    const c = createClient({
      fetch,
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0,
      baseDelayMs: 10,
      timeoutMs: 20,
      onRetry: (i) => reasons.push(i.reason),
    });
    expect(await c.getJson('http://x/b')).toEqual({ values: [] });
    expect(sleeps).toEqual([10, 20, 40]);
    expect(reasons[0]).toMatch(/fetch failed \(ECONNRESET\)/);
    expect(reasons[1]).toMatch(/not valid JSON/);
    expect(reasons[2]).toMatch(/timed out after 20 ms/);
  });

  it('does not retry a 404 and gives up after maxRetries with the URL in the message', async () => {
    const notFound = createClient({ fetch: scripted([() => json({ error: 'no route' }, 404)]).fetch, sleep: async () => {} });
    await expect(notFound.getJson('http://x/nope')).rejects.toThrow(/HTTP 404.*no route/);
    const always500 = scripted(Array.from({ length: 3 }, () => () => json({}, 500)));
    const c = createClient({ fetch: always500.fetch, sleep: async () => {}, maxRetries: 2 });
    await expect(c.getJson('http://x/c')).rejects.toThrow('GET http://x/c failed after 3 attempts; last error: HTTP 500');
    expect(always500.calls).toHaveLength(3);
  });
});

describe('retry timing helpers', () => {
  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', Date.parse('2026-10-21T07:28:00Z'))).toBe(30_000);
  });
  it('caps the backoff and adds at most 25 % jitter', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, 1000, 5000, () => 0))).toEqual([1000, 2000, 4000, 5000]);
    expect(backoffDelay(1, 1000, 5000, () => 1)).toBe(1250);
  });
});
