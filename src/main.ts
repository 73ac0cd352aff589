import './styles/fonts.css';
import './styles/global.css';
import './styles/print.css';
import { afterFirstPaint, browserWarmPolicy } from './app/warm-engine.ts';
import { keepEarlyAction } from './app/early-choices.ts';
import { openBrowserEngine } from './engine/browser-engine.ts';
import { parseRoute, pathBelowRoot } from './state/route.ts';
import type { Database } from './engine/database.ts';

/*
 * The entry holds the stylesheets and only what starts things after the first paint: the prerendered
 * page paints from its HTML and stylesheet alone, and on two cores the app's script, fetched and run
 * before that paint, delayed it (and took its bytes first). Right after the paint: on pages with
 * controls the engine (seconds of wasm download and compile), then the site data and the app (src/app/start-app.ts).
 * A page whose app cannot load stays the prerendered page, which works without JavaScript.
 */
const rootMeta = document.querySelector<HTMLMetaElement>('meta[name="jamfor-root"]')?.content;
const relativeRoot = import.meta.env.DEV ? '/' : (rootMeta ?? './');
const rootUrl = new URL(relativeRoot, location.href);
const replayEarlyAction = keepEarlyAction(document.getElementById('app')!);

afterFirstPaint(() => {
  let early: Promise<Database> | null = null;
  if (browserWarmPolicy(parseRoute(pathBelowRoot(location.pathname, rootUrl.pathname)).page) === 'after-paint') {
    early = openBrowserEngine();
    early.catch(() => {});
  }
  const metaResponse = fetch(new URL('data/meta.json', rootUrl));
  metaResponse.catch(() => {}); // the app reports it
  import('./app/start-app.ts').then(
    ({ startApp }) => startApp({ relativeRoot, rootUrl, early, metaResponse, replayEarlyAction }),
    (e: unknown) => console.error('Jämför kunde inte starta:', e),
  );
});
