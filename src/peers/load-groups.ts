import { kommunGroupsFile, type GroupDef, type SiteMeta } from '../data/site-meta.ts';

const loading = new Map<string, Promise<void>>();

/**
 * Adds a kommun's "Liknande kommuner …" groups (data/groups-<id>.json) to the served metadata, once.
 * Until then its liknande groups resolve as pending. A failed fetch leaves the kommun without them
 * (the group then says it is missing) rather than waiting forever.
 */
export function ensureKommunGroups(
  meta: SiteMeta,
  root: string | URL,
  kommunId: string | null | undefined,
  /** settled before the groups are added (answers for the kommun's panels, so they find them cached) */
  before: Promise<unknown> = Promise.resolve(),
): Promise<void> {
  if (!kommunId || !meta.lazyGroups?.includes(kommunId)) return Promise.resolve();
  let p = loading.get(kommunId);
  if (!p) {
    p = (async () => {
      let groups: GroupDef[] = [];
      try {
        const res = await fetch(new URL(`data/${kommunGroupsFile(kommunId)}`, root));
        if (res.ok) groups = ((await res.json()) as GroupDef[]).filter((g) => g.owner === kommunId);
      } catch {
        // left without; see above
      }
      await before.catch(() => {});
      meta.groups = [...meta.groups, ...groups];
      meta.lazyGroups = meta.lazyGroups!.filter((id) => id !== kommunId);
    })();
    loading.set(kommunId, p);
  }
  return p;
}

/** The kommun whose groups a route needs: the kommun page's or report's, or the one marked on the ranking page. */
export function kommunOfRoute(route: { page: string; id?: string }, view: { kommun: string | null }): string | null {
  if ((route.page === 'kommun' || route.page === 'rapport') && route.id) return route.id;
  return route.page === 'rangordning' ? view.kommun : null;
}
