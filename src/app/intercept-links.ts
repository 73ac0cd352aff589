/** Same-site link clicks navigate without reloading (the full page still works without JS). */
export function interceptLinks(rootPath: string, go: (pathAndQuery: string) => void): void {
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith(rootPath)) return;
    if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
    if (/\.\w+$/.test(url.pathname)) return;
    e.preventDefault();
    go(url.pathname.slice(rootPath.length) + url.search + url.hash);
  });
}

/**
 * Calls `intent` with the path of a same-site link the visitor is about to follow (hover, focus,
 * press), so what it needs can be fetched before the click. Fires once per link element and event kind.
 */
export function onLinkIntent(rootPath: string, intent: (pathname: string) => void): void {
  const seen = new WeakSet<Element>();
  const handler = (e: Event) => {
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || seen.has(a) || !a.href) return;
    seen.add(a);
    const url = new URL(a.href, location.href);
    if (url.origin === location.origin && url.pathname.startsWith(rootPath)) intent(url.pathname);
  };
  for (const kind of ['pointerover', 'focusin', 'pointerdown'] as const) document.addEventListener(kind, handler, { passive: true });
}
