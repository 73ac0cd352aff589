/**
 * Målvärden kept in this browser (localStorage "jamfor-malvarden", like the imported sets they never
 * leave it) plus those carried by the current link (`?mal=`). Both are added to the runtime
 * `meta.targets` after the site's own targets (a build-time targets.csv), so panels, summaries,
 * charts, reports and exports see them. Every change replaces meta.targets, which is Svelte state.
 */
import type { Target } from '../../data/contract.ts';
import type { SiteMeta } from '../../data/site-meta.ts';
import { decodeTarget, encodeTarget, expandTargets, sameTarget, targetProblem, type UserTarget } from '../targets/user-targets.ts';

export const TARGETS_KEY = 'jamfor-malvarden';

export class UserTargets {
  /** stored in this browser */
  list = $state<UserTarget[]>([]);
  /** from the link being viewed (not stored unless saved) */
  fromLink = $state<UserTarget[]>([]);
  /** a calm note when the stored list could not be read or written */
  problem = $state<string | null>(null);
  #meta: SiteMeta | null = null;
  #base: Target[] = [];

  attach(meta: SiteMeta) {
    this.#meta = meta;
    this.#base = [...meta.targets];
    this.list = this.#load();
    this.#apply();
  }

  /** Keeps the link's targets in step with the URL (start-app.ts passes the router's view). */
  followLink(targets: () => readonly string[]) {
    $effect.root(() => {
      $effect(() => this.setLinkTargets(targets()));
    });
  }

  /** The link's `mal` parameters (already split by parseView); unknown or malformed ones are dropped. */
  setLinkTargets(encoded: readonly string[]) {
    const next = encoded.map(decodeTarget).filter((t): t is UserTarget => t !== null);
    if (next.length === this.fromLink.length && next.every((t, i) => sameTarget(t, this.fromLink[i]))) return;
    this.fromLink = next;
    this.#apply();
  }

  /** Adds or replaces (at `index`) a target; returns a Swedish problem instead when it cannot be used. */
  save(t: UserTarget, index: number | null = null): string | null {
    const problem = targetProblem(t, this.#known());
    if (problem) return problem;
    const next = [...this.list];
    if (index === null) next.push(t);
    else next[index] = t;
    return this.#commit(next);
  }

  remove(index: number): string | null {
    return this.#commit(this.list.filter((_, i) => i !== index));
  }

  /** Adds several (a targets.csv, or the link's); all or nothing. */
  addAll(ts: readonly UserTarget[]): string | null {
    for (const t of ts) {
      const p = targetProblem(t, this.#known());
      if (p) return p;
    }
    return this.#commit([...this.list, ...ts.filter((t) => !this.list.some((x) => sameTarget(x, t)))]);
  }

  /** Link parameters for a kommun's targets (stored and from the link). */
  linkParams(kommun: string | null): string[] {
    return [...this.list, ...this.fromLink.filter((t) => !this.list.some((x) => sameTarget(x, t)))]
      .filter((t) => !kommun || t.municipality_id === kommun)
      .map(encodeTarget);
  }

  #known() {
    return this.#meta ? { municipalities: new Set(this.#meta.municipalities.map((m) => m.id)) } : undefined;
  }

  #commit(next: UserTarget[]): string | null {
    try {
      if (typeof localStorage !== 'undefined') localStorage.setItem(TARGETS_KEY, JSON.stringify(next));
    } catch (e) {
      console.warn('Målvärden kunde inte sparas', e);
      this.problem = 'Målvärdena kunde inte sparas i den här webbläsaren; de finns kvar tills sidan laddas om.';
    }
    this.list = next;
    this.#apply();
    return null;
  }

  #load(): UserTarget[] {
    try {
      const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(TARGETS_KEY);
      if (!raw) return [];
      const parsed: unknown = JSON.parse(raw);
      if (!Array.isArray(parsed)) throw new Error('inte en lista');
      return parsed.filter((t): t is UserTarget => !!t && typeof t === 'object' && targetProblem(t as UserTarget) === null);
    } catch (e) {
      console.warn('Sparade målvärden kunde inte läsas', e);
      this.problem =
        'De sparade målvärdena i den här webbläsaren kunde inte läsas och visas inte. Lägg till dem igen eller läs in en targets.csv.';
      return [];
    }
  }

  #apply() {
    const meta = this.#meta;
    if (!meta) return;
    const linked = this.fromLink.filter((t) => !this.list.some((x) => sameTarget(x, t)));
    meta.targets = [...this.#base, ...expandTargets(this.list), ...expandTargets(linked)];
  }
}

/** The one instance of the page. */
export const userTargets = new UserTargets();
