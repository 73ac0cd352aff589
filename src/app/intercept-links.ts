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
