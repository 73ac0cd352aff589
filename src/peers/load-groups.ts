import { ALL_KOMMUN_GROUPS_FILE, kommunGroupsFile, type GroupDef, type SiteMeta } from '../data/site-meta.ts';

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

let loadingAll: Promise<void> | null = null;

/**
 * Adds every kommun's liknande groups at once (data/groups-all.json, ~90 kB gzip), so that once the
 * page holds its KPIs a move to any kommun waits for no fetch at all. Kommuner whose own file is
 * already on its way keep that; a failed fetch leaves the per-kommun files to do the work.
 */
export function ensureAllKommunGroups(meta: SiteMeta, root: string | URL): Promise<void> {
  if (!meta.lazyGroups?.length) return Promise.resolve();
  loadingAll ??= (async () => {
    let groups: GroupDef[];
    try {
      const res = await fetch(new URL(`data/${ALL_KOMMUN_GROUPS_FILE}`, root));
      if (!res.ok) return;
      groups = (await res.json()) as GroupDef[];
    } catch {
      return;
    }
    const owners = new Set((meta.lazyGroups ?? []).filter((id) => !loading.has(id)));
    if (!owners.size) return;
    meta.groups = [...meta.groups, ...groups.filter((g) => g.owner !== null && owners.has(g.owner))];
    meta.lazyGroups = meta.lazyGroups!.filter((id) => !owners.has(id));
    for (const id of owners) loading.set(id, Promise.resolve());
  })();
  return loadingAll;
}

/** The kommun whose groups a route needs: the kommun page's or report's, or the one marked on the ranking page. */
export function kommunOfRoute(route: { page: string; id?: string }, view: { kommun: string | null }): string | null {
  if ((route.page === 'kommun' || route.page === 'rapport') && route.id) return route.id;
  return route.page === 'rangordning' ? view.kommun : null;
}
