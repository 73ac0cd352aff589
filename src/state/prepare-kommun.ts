import { kommunAnswersFile, type SiteMeta } from '../data/site-meta.ts';
import { ensureKommunGroups } from '../peers/load-groups.ts';

/** The part of the coordinator this needs. */
interface Seedable {
  seed(snapshot: Record<string, unknown>): boolean;
  /** whether the page answers questions about these KPIs itself (it holds their rows) */
  holds?(kpis: readonly string[]): boolean;
}

const answered = new Map<string, Promise<void>>();

/**
 * Gets a kommun page ready before (or while) the visitor goes there: its liknande groups and the
 * answers its default view needs, computed at build time (data/answers-<id>.json), so its panels are
 * drawn from the cache without waiting for DuckDB. Fetched once per kommun; a missing file (dev server,
 * a kommun without a page) only means the engine answers instead. Not fetched when the page already
 * holds `answersAbout`, the KPIs those answers are about (the default panels'): it answers any
 * kommun about them itself.
 */
export function prepareKommun(
  meta: SiteMeta,
  coordinator: Seedable,
  root: string | URL,
  kommunId: string,
  answersAbout: readonly string[] | null = null,
): Promise<void> {
  let answers = answered.get(kommunId);
  if (!answers && answersAbout && coordinator.holds?.(answersAbout)) answers = Promise.resolve();
  else if (!answers) {
    answers = fetch(new URL(`data/${kommunAnswersFile(kommunId)}`, root))
      .then((res) => (res.ok ? (res.json() as Promise<Record<string, unknown>>) : null))
      .then((snapshot) => void (snapshot && coordinator.seed(snapshot)))
      .catch(() => {});
    answered.set(kommunId, answers);
  }
  return Promise.all([answers, ensureKommunGroups(meta, root, kommunId, answers)]).then(() => {});
}

/** The kommun whose answers came with the page itself (its prerendered snapshot): nothing to fetch. */
export function answeredAtBoot(kommunId: string): void {
  answered.set(kommunId, Promise.resolve());
}

/** The kommun id of a same-site link to a kommun page ("…/kommun/1286/"), or null. */
export function kommunOfLink(pathname: string, rootPath: string): string | null {
  if (!pathname.startsWith(rootPath)) return null;
  const m = /^kommun\/([0-9]{4})\/?$/.exec(pathname.slice(rootPath.length));
  return m ? m[1] : null;
}
