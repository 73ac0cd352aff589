import { ALL_KOMMUN_GROUPS_FILE, kommunGroupsFile, type GroupDef, type SiteMeta } from '../data/site-meta.ts';

const loading = new Map<string, Promise<void>>();

/**
 * Every kommun's groups (groups-all.json) once its bytes are in: parsed on first use, by whoever
 * needs them first (a visitor's move to a kommun, or the idle moment ensureAllKommunGroups waited for).
 */
let allArrived: (() => GroupDef[]) | null = null;

/** Adds `groups` to the served metadata and marks `owners` as no longer lazy. */
function addGroups(meta: SiteMeta, groups: readonly GroupDef[], owners: ReadonlySet<string>): void {
  meta.groups = [...meta.groups, ...groups.filter((g) => g.owner !== null && owners.has(g.owner))];
  meta.lazyGroups = meta.lazyGroups!.filter((id) => !owners.has(id));
}

/**
 * The kommuner whose groups come from every kommun's file: `also`, and each still without its groups
 * whose own file is not on its way. Taken together, so the metadata is replaced once: every
 * replacement makes the page work out each panel's group again (~20 ms on all of Kolada, profiled).
 */
function allOwners(meta: SiteMeta, also?: string): Set<string> {
  return new Set((meta.lazyGroups ?? []).filter((id) => id === also || !loading.has(id)));
}

/**
 * Adds a kommun's "Liknande kommuner …" groups (data/groups-<id>.json) to the served metadata, once.
 * Until then its liknande groups resolve as pending. When every kommun's groups are already in
 * (groups-all.json, not yet read), they are taken from there without a fetch, every kommun's at once.
 * A failed fetch leaves the kommun without them (the group then says it is missing) rather than
 * waiting forever.
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
    const arrived = allArrived;
    p = (async () => {
      let groups: readonly GroupDef[] | null = null;
      let everyKommun = false;
      try {
        groups = arrived?.() ?? null;
        everyKommun = groups !== null;
      } catch {
        // not readable: the kommun's own file then
      }
      try {
        if (!groups) {
          const res = await fetch(new URL(`data/${kommunGroupsFile(kommunId)}`, root));
          if (res.ok) groups = (await res.json()) as GroupDef[];
        }
      } catch {
        // left without; see above
      }
      await before.catch(() => {});
      if (meta.lazyGroups?.includes(kommunId)) addGroups(meta, groups ?? [], everyKommun ? allOwners(meta, kommunId) : new Set([kommunId]));
    })();
    loading.set(kommunId, p);
  }
  return p;
}

let loadingAll: Promise<void> | null = null;

/**
 * Adds every kommun's liknande groups at once (data/groups-all.json, ~90 kB gzip, fetched at low
 * priority), so that once the page holds its KPIs a move to any kommun waits for no fetch at all.
 * Kommuner whose own file is already on its way keep that; a failed fetch leaves the per-kommun files
 * to do the work. `quiet`: awaited between the bytes' arrival and reading them (~0.7 MB of JSON on
 * all of Kolada), so that reading waits for an idle moment instead of landing in a visitor's change
 * (a move to a kommun meanwhile reads them at once).
 */
export function ensureAllKommunGroups(meta: SiteMeta, root: string | URL, quiet?: () => Promise<void>): Promise<void> {
  if (!meta.lazyGroups?.length) return Promise.resolve();
  loadingAll ??= (async () => {
    try {
      const res = await fetch(new URL(`data/${ALL_KOMMUN_GROUPS_FILE}`, root), { priority: 'low' });
      if (!res.ok) return;
      const text = await res.text();
      let parsed: GroupDef[] | null = null;
      const read = () => (parsed ??= JSON.parse(text) as GroupDef[]);
      allArrived = read;
      await quiet?.();
      let groups: GroupDef[];
      try {
        groups = read();
      } catch {
        // bytes that are no JSON: each kommun its own file again
        return;
      } finally {
        // read or not readable: from here on no kommun takes its groups from these bytes
        allArrived = null;
      }
      const owners = allOwners(meta);
      if (!owners.size) return;
      addGroups(meta, groups, owners);
    } catch {
      return;
    }
  })();
  return loadingAll;
}

/** The kommun whose groups a route needs: the kommun page's or report's, or the one marked on the ranking page. */
export function kommunOfRoute(route: { page: string; id?: string }, view: { kommun: string | null }): string | null {
  if ((route.page === 'kommun' || route.page === 'rapport') && route.id) return route.id;
  return route.page === 'rangordning' ? view.kommun : null;
}
