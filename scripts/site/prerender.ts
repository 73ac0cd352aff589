import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openSiteDatabase } from './prepare-site-data.ts';
import { kommunAnswersFile, kommuner, type SiteMeta } from '../../src/data/site-meta.ts';
import { routePath, type Route } from '../../src/state/route.ts';
import type { Database } from '../../src/engine/database.ts';
import type { Coordinator } from '../../src/core/coordinator.ts';
import type * as ServerEntry from '../../src/app/server-entry.ts';
import { MAP_FILE } from '../../src/charts/map/map-file.ts';

/** Every page that is written as HTML: start, each kommun and its report, and the fixed pages. */
export function prerenderRoutes(meta: SiteMeta): Route[] {
  return [
    { page: 'start' },
    ...kommuner(meta).flatMap((k): Route[] => [
      { page: 'kommun', id: k.id },
      { page: 'rapport', id: k.id },
    ]),
    { page: 'rangordning' },
    { page: 'egna-data' },
    { page: 'om-data' },
    { page: 'tillganglighet' },
  ];
}

/** Relative way up from a route's directory to the site root: "" → "./", "kommun/1286/" → "../../". */
export function relativeRoot(route: Route): string {
  const depth = routePath(route).split('/').filter(Boolean).length;
  return depth === 0 ? './' : '../'.repeat(depth);
}

/** JSON that is safe inside <script type="application/json">. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function fillTemplate(
  template: string,
  route: Route,
  page: { head: string; body: string },
  snapshot: Record<string, unknown>,
): string {
  const root = relativeRoot(route);
  return template
    .replaceAll('"./assets/', `"${root}assets/`)
    .replace('<meta name="jamfor-root" content="./" />', `<meta name="jamfor-root" content="${root}" />`)
    .replace('<!--jamfor-head-->', page.head)
    .replace('<!--jamfor-app-->', page.body)
    .replace('<!--jamfor-boot-->', `<script type="application/json" id="jamfor-boot">${scriptJson({ snapshot })}</script>`);
}

/**
 * Renders each route with Svelte's server renderer. Queries the components ask for are answered by
 * native DuckDB through the same coordinator and query code the browser uses; each page embeds the
 * results it used so the browser hydrates without waiting for DuckDB-wasm.
 */
export async function prerender(opts: {
  dist: string;
  ssrEntry: string;
  database: string;
  meta: SiteMeta;
  log?: (s: string) => void;
}): Promise<number> {
  const ssr = (await import(pathToFileURL(resolve(opts.ssrEntry)).href)) as typeof ServerEntry;
  await ssr.loadAllPages();
  const mapFile = join(opts.dist, 'data', MAP_FILE);
  if (existsSync(mapFile)) await ssr.provideMapTopology(JSON.parse(readFileSync(mapFile, 'utf8')));
  const db = await openSiteDatabase(opts);
  const template = readFileSync(join(opts.dist, 'index.html'), 'utf8');
  const coordinator = new ssr.Coordinator(async () => db as Database) as Coordinator;
  let n = 0;
  try {
    for (const route of prerenderRoutes(opts.meta)) {
      const root = relativeRoot(route);
      let page = ssr.renderPage({ meta: opts.meta, coordinator, route, root });
      for (let pass = 0; pass < 5 && coordinator.misses.size; pass++) {
        const misses = [...coordinator.misses.values()];
        coordinator.misses.clear();
        for (const m of misses) await coordinator.run(m.name, m.request as never);
        coordinator.used.clear();
        page = ssr.renderPage({ meta: opts.meta, coordinator, route, root });
      }
      const snapshot = coordinator.snapshot(coordinator.used);
      const html = fillTemplate(template, route, page, snapshot);
      if (route.page === 'kommun') writeFileSync(join(opts.dist, 'data', kommunAnswersFile(route.id)), JSON.stringify(snapshot));
      coordinator.used.clear();
      coordinator.misses.clear();
      const file = join(opts.dist, routePath(route), 'index.html');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, html);
      n++;
    }
    const notFound = ssr.renderPage({ meta: opts.meta, coordinator, route: { page: 'saknas', path: '' }, root: '/' });
    writeFileSync(
      join(opts.dist, '404.html'),
      fillTemplate(template, { page: 'start' }, notFound, {}).replace('content="./"', 'content="/"').replaceAll('"./assets/', '"/assets/'),
    );
  } finally {
    await db.close();
  }
  opts.log?.(`Förrenderade ${n} sidor`);
  return n;
}
