/**
 * HTTP GET of JSON from the Kolada API with retries.
 *
 * Retried: 429 (waiting for Retry-After when given), 408, 5xx, timeouts, dropped connections and
 * truncated/unparseable bodies. Not retried: other 4xx (a wrong path or id will not get better).
 * `fetch`, `sleep` and `random` are injectable so tests can observe every wait without timing.
 */

export type FetchLike = (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<Response>;

export interface RetryInfo {
  url: string;
  attempt: number;
  delayMs: number;
  reason: string;
}

export interface ClientOptions {
  fetch?: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** per attempt, covering the response body too */
  timeoutMs?: number;
  /** retries after the first attempt */
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** upper bound for a server's Retry-After */
  maxRetryAfterMs?: number;
  onRetry?: (info: RetryInfo) => void;
  userAgent?: string;
}

export class KoladaHttpError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly status: number | null,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'KoladaHttpError';
  }
}

export interface KoladaClient {
  getJson(url: string): Promise<unknown>;
  /** attempts made so far, including retries */
  readonly stats: { requests: number; retries: number };
}

export const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry-After in ms: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (header == null || header.trim() === '') return null;
  const s = header.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(Number(s) * 1000);
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

/** Exponential backoff: base·2^(attempt-1), capped, plus up to 25 % jitter. attempt ≥ 1. */
export function backoffDelay(attempt: number, baseDelayMs: number, maxDelayMs: number, random: () => number): number {
  const raw = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  return Math.round(raw * (1 + 0.25 * random()));
}

export function createClient(options: ClientOptions = {}): KoladaClient {
  const doFetch: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxRetries = options.maxRetries ?? 6;
  const baseDelayMs = options.baseDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 300_000;
  const headers = { accept: 'application/json', 'user-agent': options.userAgent ?? 'jamfor-data-kolada/0.1' };
  const stats = { requests: 0, retries: 0 };

  async function attempt(url: string): Promise<unknown> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    try {
      let res: Response;
      try {
        res = await doFetch(url, { signal: controller.signal, headers });
      } catch (e) {
        throw new KoladaHttpError(`request failed: ${describe(e, controller)}`, url, null, true);
      }
      let text: string;
      try {
        text = await res.text();
      } catch (e) {
        throw new KoladaHttpError(
          `HTTP ${res.status}: connection dropped while reading the body: ${describe(e, controller)}`,
          url,
          res.status,
          true,
        );
      }
      if (!res.ok) {
        const retryable = res.status === 429 || res.status === 408 || res.status >= 500;
        const err = new KoladaHttpError(`HTTP ${res.status} ${res.statusText}: ${text.slice(0, 200).trim()}`, url, res.status, retryable);
        (err as KoladaHttpError & { retryAfterMs?: number | null }).retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
        throw err;
      }
      try {
        return JSON.parse(text);
      } catch {
        throw new KoladaHttpError(
          `HTTP ${res.status}: the body is not valid JSON (${text.length} bytes, starts ${JSON.stringify(text.slice(0, 60))})`,
          url,
          res.status,
          true,
        );
      }
    } finally {
      clearTimeout(timer);
    }
  }

  async function getJson(url: string): Promise<unknown> {
    for (let n = 0; ; n++) {
      stats.requests++;
      try {
        return await attempt(url);
      } catch (e) {
        const err = e as KoladaHttpError & { retryAfterMs?: number | null };
        if (!(err instanceof KoladaHttpError) || !err.retryable) throw e;
        if (n >= maxRetries) {
          throw new KoladaHttpError(`GET ${url} failed after ${n + 1} attempts; last error: ${err.message}`, url, err.status, false);
        }
        const delayMs =
          err.retryAfterMs != null ? Math.min(err.retryAfterMs, maxRetryAfterMs) : backoffDelay(n + 1, baseDelayMs, maxDelayMs, random);
        stats.retries++;
        options.onRetry?.({ url, attempt: n + 1, delayMs, reason: err.message });
        await sleep(delayMs);
      }
    }
  }

  return { getJson, stats };
}

function describe(e: unknown, controller: AbortController): string {
  if (controller.signal.aborted) return String((controller.signal.reason as Error | undefined)?.message ?? 'aborted');
  if (e instanceof Error) {
    const cause = (e as Error & { cause?: unknown }).cause;
    const c = cause instanceof Error ? ` (${(cause as Error & { code?: string }).code ?? cause.message})` : '';
    return `${e.message}${c}`;
  }
  return String(e);
}
