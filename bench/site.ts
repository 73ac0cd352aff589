import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { koladaDir } from '../tests/support/kolada-dir.ts';

export const BENCH_CACHE = resolve('.cache/bench');
export const KOMMUN = '1286';

/** Builds the site on the real Kolada data into .cache/bench/dist (BENCH_REUSE_BUILD=1 keeps an existing build). */
export function buildSite(log: (s: string) => void): { dist: string; dataDir: string; buildMs: number | null } {
  const dist = join(BENCH_CACHE, 'dist');
  const dataDir = koladaDir();
  if (process.env.BENCH_REUSE_BUILD && existsSync(join(dist, 'index.html'))) {
    log(`Reusing build in ${dist}`);
    return { dist, dataDir, buildMs: null };
  }
  const t0 = Date.now();
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--out', dist], {
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: 'inherit',
  });
  return { dist, dataDir, buildMs: Date.now() - t0 };
}

/**
 * The wait-for-DuckDB baseline: the same dist, but the kommun page has no prerendered body and no
 * boot snapshot, so the client mounts from scratch and every panel query waits for the engine.
 * Assets and data are hard-linked, so both variants load the very same files (the static server
 * refuses symlinks that leave its root).
 */
export function makeBaseline(dist: string, name = 'dist-baseline'): string {
  const dir = join(BENCH_CACHE, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'kommun', KOMMUN), { recursive: true });
  for (const entry of readdirSync(dist)) {
    if (entry === 'kommun') continue;
    linkTree(resolve(dist, entry), join(dir, entry));
  }
  const html = readFileSync(join(dist, 'kommun', KOMMUN, 'index.html'), 'utf8');
  writeFileSync(join(dir, 'kommun', KOMMUN, 'index.html'), stripPrerender(html));
  return dir;
}

function linkTree(from: string, to: string): void {
  if (!statSync(from).isDirectory()) return linkSync(from, to);
  mkdirSync(to);
  for (const entry of readdirSync(from)) linkTree(join(from, entry), join(to, entry));
}

/**
 * Removes the prerendered app markup and the boot snapshot from a page, keeping head, scripts and styles,
 * and asks the app to hold KPIs through the engine only (it would otherwise read the value pieces itself
 * and answer the panels before DuckDB runs: no longer a page that waits for DuckDB).
 */
export function stripPrerender(html: string): string {
  const start = html.indexOf('<div id="app">');
  const end = html.indexOf('<noscript>', start);
  if (start < 0 || end < 0) throw new Error('page has no <div id="app"> … <noscript>');
  const stripped = html.slice(0, start) + '<div id="app"></div>\n    ' + html.slice(end);
  const boot = /<script type="application\/json" id="jamfor-boot">[\s\S]*?<\/script>/;
  if (!boot.test(stripped)) throw new Error('page has no boot snapshot');
  if (!stripped.includes('</head>')) throw new Error('page has no </head>');
  return stripped.replace(boot, '').replace('</head>', '<meta name="jamfor-engine-only" content="">\n  </head>');
}

/**
 * The static server compresses each file on its first request and caches the result; a real host
 * serves precompressed files, so every file is requested once in each encoding before measuring.
 */
export async function warmServer(baseUrl: string, dist: string, extra: string[] = []): Promise<void> {
  const files = [
    'kommun/' + KOMMUN + '/',
    'data/meta.json',
    'data/pieces.json',
    ...extra,
    ...readdirSync(join(dist, 'assets'))
      .filter((f) => !/\.woff2?$/.test(f))
      .map((f) => 'assets/' + f),
  ];
  // A kept-alive connection may be closed by the server while a large file is compressed: ask again.
  const get = async (url: string, enc: string, tries = 3): Promise<void> => {
    try {
      await (await fetch(url, { headers: { 'accept-encoding': enc } })).arrayBuffer();
    } catch (e) {
      if (tries <= 1) throw e;
      await get(url, enc, tries - 1);
    }
  };
  for (const f of files) for (const enc of ['gzip', 'br']) await get(baseUrl + f, enc);
}

/** tsx (esbuild) wraps named inner functions in __name(); functions sent to page.evaluate need it defined. */
export const ESBUILD_NAME_SHIM = 'globalThis.__name = (f) => f;';
