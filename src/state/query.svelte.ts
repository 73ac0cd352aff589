import { untrack } from 'svelte';
import type { Coordinator } from '../core/coordinator.ts';
import type { QueryName, QueryRequest, QueryResult } from '../core/queries.ts';

export interface QueryOptions<A> {
  /** What a question is about (the panel's kommun and group); kept with its answer, so stale data keeps its own labels. */
  about?: () => A;
  /** Whether an answer about `shown` may stay on screen while a question about `next` runs (default: yes). */
  keepWhile?: (shown: A, next: A) => boolean;
}

/**
 * A reactive query result. Answers synchronously from the coordinator's cache (so server rendering
 * and hydration see the snapshot), otherwise runs the query and keeps the previous data meanwhile,
 * unless `keepWhile` says that data is about something else (another kommun).
 */
export class QueryResource<N extends QueryName, A = undefined> {
  data = $state.raw<QueryResult<N> | undefined>(undefined);
  /** what `data` answers (`about()` when its question was asked) */
  about = $state.raw<A | undefined>(undefined);
  loading = $state(false);
  error = $state<Error | null>(null);
  /** bumped when the engine becomes ready again after a failure, so failed queries run again */
  private attempt = $state(0);
  /** the coordinator's data generation this resource has seen; a clear() makes it ask again */
  #generation = $state(0);

  /** asks nothing right now (its arguments are null) */
  #idle = $state(false);

  constructor(coordinator: Coordinator, args: () => [N, QueryRequest<N>] | null, options: QueryOptions<A> = {}) {
    const aboutNow = () => options.about?.() as A;
    const first = args();
    this.#idle = first === null;
    if (first) {
      this.data = coordinator.peek(first[0], first[1]);
      this.about = aboutNow();
    }
    $effect(() =>
      coordinator.onStatus((s) => {
        if (s === 'ready' && this.error) this.attempt++;
      }),
    );
    this.#generation = coordinator.generation;
    $effect(() => coordinator.onDataChange((g) => (this.#generation = g)));
    // Before the DOM update: a cached answer is in place when the panel renders (one render, not one
    // with the old data and another with the new), and a query starts before the rest of the page updates.
    $effect.pre(() => {
      void this.#generation;
      const a = args();
      const asked = aboutNow();
      void this.attempt;
      this.#idle = a === null;
      if (!a) {
        this.loading = false;
        this.#dropUnless(options.keepWhile, asked);
        return;
      }
      const cached = coordinator.peek(a[0], a[1]);
      if (cached !== undefined) {
        this.data = cached;
        this.about = asked;
        this.loading = false;
        this.error = null;
        return;
      }
      let live = true;
      this.loading = true;
      this.#dropUnless(options.keepWhile, asked);
      coordinator.run(a[0], a[1]).then(
        (d) => {
          if (!live) return;
          this.data = d;
          this.about = asked;
          this.loading = false;
          this.error = null;
        },
        (e: unknown) => {
          if (!live) return;
          this.loading = false;
          this.error = e instanceof Error ? e : new Error(String(e));
        },
      );
      return () => {
        live = false;
      };
    });
  }

  /** Drops the answer on screen when `keepWhile` says it is about something else than `asked`. */
  #dropUnless(keepWhile: QueryOptions<A>['keepWhile'], asked: A) {
    const [hasData, shown] = untrack(() => [this.data !== undefined, this.about] as const);
    if (hasData && keepWhile && !keepWhile(shown as A, asked)) {
      this.data = undefined;
      this.about = undefined;
    }
  }

  /** It has answered (data or an error) or asks nothing: what it shows will not change until its arguments do. */
  get answered(): boolean {
    return this.#idle || this.data !== undefined || this.error !== null;
  }

  /** Asks again after a failure (the coordinator keeps no failed result, so the query runs anew). */
  retry(): void {
    this.error = null;
    this.attempt++;
  }
}

/** Options for a panel's query: an answer about another subject (kommun and KPI, as text) is never shown while this one's runs. */
export const sameSubject = (subject: () => string): QueryOptions<string> => ({ about: subject, keepWhile: (a, b) => a === b });
