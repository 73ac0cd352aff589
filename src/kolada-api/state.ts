/**
 * Resume state: every completed request (one page) is stored under `<stateDir>/pages/` keyed by
 * the SHA-256 of its URL. A rerun with the same parameters (the run key) reads completed pages from
 * there instead of the network; a run with other parameters starts afresh. After a successful run
 * the state is removed, so the next refresh fetches current data.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GetJson } from './paging.ts';

export interface RunInfo {
  key: string;
  started: string;
  params: unknown;
}

export interface ResumeState {
  readonly dir: string;
  readonly run: RunInfo;
  /** true when pages of an earlier, unfinished run with the same key were found */
  readonly resumed: boolean;
  readonly stats: { hits: number; stored: number };
  get(url: string): unknown | undefined;
  put(url: string, body: unknown): void;
  /** wraps a getter so cached pages are served and new ones stored */
  wrap(get: GetJson): GetJson;
  /** removes the state after a successful run */
  finish(): void;
}

export function runKey(params: unknown): string {
  return createHash('sha256').update(JSON.stringify(params)).digest('hex').slice(0, 16);
}

const urlKey = (url: string) => createHash('sha256').update(url).digest('hex');

export function openState(dir: string, params: unknown, now: Date = new Date()): ResumeState {
  const key = runKey(params);
  const pagesDir = join(dir, 'pages');
  const runFile = join(dir, 'run.json');
  let run: RunInfo | null = null;
  if (existsSync(runFile)) {
    try {
      run = JSON.parse(readFileSync(runFile, 'utf8')) as RunInfo;
    } catch {
      run = null;
    }
  }
  const resumed = run !== null && run.key === key && existsSync(pagesDir);
  if (!resumed) {
    rmSync(pagesDir, { recursive: true, force: true });
    run = { key, started: now.toISOString(), params };
    mkdirSync(dir, { recursive: true });
    atomicWrite(runFile, JSON.stringify(run, null, 2) + '\n');
  }
  mkdirSync(pagesDir, { recursive: true });
  const stats = { hits: 0, stored: 0 };

  const state: ResumeState = {
    dir,
    run: run!,
    resumed,
    stats,
    get(url) {
      const f = join(pagesDir, urlKey(url) + '.json');
      if (!existsSync(f)) return undefined;
      try {
        const stored = JSON.parse(readFileSync(f, 'utf8')) as { url: string; body: unknown };
        return stored.url === url ? stored.body : undefined;
      } catch {
        return undefined; // a damaged file is simply fetched again
      }
    },
    put(url, body) {
      atomicWrite(join(pagesDir, urlKey(url) + '.json'), JSON.stringify({ url, body }));
      stats.stored++;
    },
    wrap(get) {
      return async (url) => {
        const hit = state.get(url);
        if (hit !== undefined) {
          stats.hits++;
          return hit;
        }
        const body = await get(url);
        state.put(url, body);
        return body;
      };
    },
    finish() {
      rmSync(pagesDir, { recursive: true, force: true });
      rmSync(runFile, { force: true });
    },
  };
  return state;
}

function atomicWrite(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** A stored page without opening (or resetting) the state; undefined when absent. For `--dry-run`. */
export function peekCachedPage(dir: string, url: string): unknown | undefined {
  const f = join(dir, 'pages', urlKey(url) + '.json');
  if (!existsSync(f)) return undefined;
  try {
    const stored = JSON.parse(readFileSync(f, 'utf8')) as { url: string; body: unknown };
    return stored.url === url ? stored.body : undefined;
  } catch {
    return undefined;
  }
}
