import { flushSync, hydrate, mount } from 'svelte';
import App from './App.svelte';
import { Router } from './router.svelte.ts';
import { Coordinator } from '../core/coordinator.ts';
import { KpiIndex, MAX_SLICE_ROWS } from '../core/kpi-index.ts';
import { pieceStore } from '../core/piece-store.ts';
import { openBrowserEngine } from '../engine/browser-engine.ts';
import { appliedUserRows } from '../core/user-values.ts';
import { withValuePieces } from '../core/value-pieces.ts';
import type { SiteMeta } from '../data/site-meta.ts';
import type { Database } from '../engine/database.ts';
import { interceptLinks, onLinkIntent } from './intercept-links.ts';
import { preparedNavigation } from './prepared-navigation.ts';
import { keepEarlyChoices } from './early-choices.ts';
import { defaultPanelKpis } from '../panels/panel-list.ts';
import { answeredAtBoot, kommunOfLink, prepareKommun } from '../state/prepare-kommun.ts';
import { loadPage } from '../pages/page-registry.svelte.ts';
import { reactiveMeta } from './reactive-meta.svelte.ts';
import { userData } from '../import/store/user-data.svelte.ts';
import { userTargets } from '../import/store/targets.svelte.ts';
import { ensureKommunGroups, kommunOfRoute } from '../peers/load-groups.ts';
import { whenIdle } from '../state/prefetch.ts';
import { whenVisitorQuiet } from '../state/visitor-quiet.ts';

export interface AppStart {
  /** the site root as the prerendered links write it ("./", "../../") */
  relativeRoot: string;
  rootUrl: URL;
  /** the engine, started by the entry after the first paint on pages with controls */
  early: Promise<Database> | null;
  /** data/meta.json, asked for by the entry beside this module */
  metaResponse: Promise<Response>;
  /** does again what a visitor did before the app took over: a button click, Enter in a search (early-choices.ts) */
  replayEarlyAction: () => void;
}

/**
 * The app behind the prerendered page: site data, the coordinator and its engine, hydration, link
 * handling. Loaded by the entry (src/main.ts) only once the page has painted.
 */
export async function startApp({ relativeRoot, rootUrl, early: started, metaResponse, replayEarlyAction }: AppStart): Promise<void> {
  const boot = JSON.parse(document.getElementById('jamfor-boot')?.textContent || '{}') as { snapshot?: Record<string, unknown> };
  const target = document.getElementById('app')!;
  const router = new Router(relativeRoot, rootUrl.pathname);
  // the engine the entry started right after the first paint (pages with controls); the coordinator takes it when it opens
  let early = started;
  let meta: SiteMeta;
  try {
    const res = await metaResponse;
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
    meta = await res.json();
  } catch (e) {
    if (!target.hasChildNodes())
      target.innerHTML = `<main class="fatal"><h1>Jämför kunde inte starta</h1><p>Uppgifterna om nyckeltal och kommuner gick inte att hämta (${String((e as Error).message).replace(/[<>&]/g, '')}). Ladda om sidan för att försöka igen.</p></main>`;
    return;
  }
  meta = reactiveMeta(meta);
  // The value pieces, read by the page itself (held KPIs, before and beside the engine) and by the engine.
  const pieces = pieceStore(new URL('data/', rootUrl).href);
  // Imported sets ("Egna data") are re-ingested every time the engine starts, before any query runs.
  const coordinator = new Coordinator(
    async () => {
      // The index of value pieces is fetched while the engine starts, if no held KPI asked for it yet.
      pieces.index().catch(() => {});
      const engine = early ?? openBrowserEngine();
      early = null; // a restart after a failure opens a new one
      // what the page reads for itself goes into the engine while the visitor reads (see withValuePieces)
      const db = await withValuePieces(await engine, pieces, { feedWhen: (f) => whenVisitorQuiet(f) });
      await userData.restoreInto(async (setId, csv) => (await import('../core/writes.ts')).runWrite(db, 'ingest', { setId, csv }));
      // Stored sets that add no row (every key in Kolada's data already, or none restored): the data is
      // Kolada's alone, so the page reads its value pieces itself again (attach() assumed otherwise).
      if (userData.sets.length > 0 && (await appliedUserRows(db)) === 0) coordinator.clear({ baseOnly: true });
      return db;
    },
    boot.snapshot ?? {},
    // <meta name="jamfor-engine-only">: held KPIs come from the engine only (the bench's wait-for-DuckDB baseline)
    {
      localIndex: new KpiIndex(
        MAX_SLICE_ROWS,
        document.querySelector('meta[name="jamfor-engine-only"]') ? undefined : pieces,
        // read-ahead decoding: at an idle moment, but within 50 ms (changes in a row leave the browser no idle time)
        (f) => whenIdle(() => f(), 50),
      ),
    },
  );
  void userData.attach(meta, coordinator);
  userTargets.attach(meta);
  userTargets.followLink(() => router.view.targets);
  const props = {
    meta,
    coordinator,
    href: router.href,
    navigate: router.navigate,
    changeView: router.changeView,
    get route() {
      return router.route;
    },
    get view() {
      return router.view;
    },
    get root() {
      return router.root;
    },
  };
  await Promise.all([loadPage(router.route.page), ensureKommunGroups(meta, rootUrl, kommunOfRoute(router.route, router.view))]);
  const prerendered = target.hasChildNodes() && boot.snapshot !== undefined;
  if (prerendered && router.route.page === 'kommun') answeredAtBoot(router.route.id);
  if (prerendered) {
    const giveBackChoices = keepEarlyChoices(target);
    hydrate(App, { target, props });
    flushSync();
    giveBackChoices();
  } else {
    target.textContent = '';
    mount(App, { target, props });
  }
  // (after a mount the early elements are gone: it only stops listening)
  replayEarlyAction();
  router.useAbsoluteRoot();
  const prepareLink = (pathname: string) => {
    const id = kommunOfLink(pathname, rootUrl.pathname);
    return id && meta.municipalities.some((m) => m.id === id && m.type === 'K')
      ? prepareKommun(meta, coordinator, rootUrl, id, defaultPanelKpis(meta))
      : null;
  };
  interceptLinks(
    rootUrl.pathname,
    preparedNavigation(
      (path) => router.navigateToPath(path),
      (path) => prepareLink(rootUrl.pathname + path.replace(/[?#].*$/, '')),
    ),
  );
  onLinkIntent(rootUrl.pathname, (path) => void prepareLink(path));
  // The coordinator opens (taking the engine the entry started, restoring imported sets) when App warms it
  // (src/app/warm-engine.ts): right after first paint on pages with controls, else on first interaction.
  // Test and diagnostics hook: e2e tests and the benchmark drive the coordinator through it.
  (globalThis as { __jamfor?: unknown }).__jamfor = { coordinator, router, userData };
}
