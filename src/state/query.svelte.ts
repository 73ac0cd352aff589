import type { Coordinator } from '../core/coordinator.ts';
import type { QueryName, QueryRequest, QueryResult } from '../core/queries.ts';

/**
 * A reactive query result. Answers synchronously from the coordinator's cache (so server rendering
 * and hydration see the snapshot), otherwise runs the query and keeps the previous data meanwhile.
 */
export class QueryResource<N extends QueryName> {
  data = $state<QueryResult<N> | undefined>(undefined);
  loading = $state(false);
  error = $state<Error | null>(null);
  /** bumped when the engine becomes ready again after a failure, so failed queries run again */
  private attempt = $state(0);
  /** the coordinator's data generation this resource has seen; a clear() makes it ask again */
  #generation = $state(0);

  /** asks nothing right now (its arguments are null) */
  #idle = $state(false);

  constructor(coordinator: Coordinator, args: () => [N, QueryRequest<N>] | null) {
    const first = args();
    this.#idle = first === null;
    if (first) this.data = coordinator.peek(first[0], first[1]);
    $effect(() =>
      coordinator.onStatus((s) => {
        if (s === 'ready' && this.error) this.attempt++;
      }),
    );
    this.#generation = coordinator.generation;
    $effect(() => coordinator.onDataChange((g) => (this.#generation = g)));
    $effect(() => {
      void this.#generation;
      const a = args();
      void this.attempt;
      this.#idle = a === null;
      if (!a) return;
      const cached = coordinator.peek(a[0], a[1]);
      if (cached !== undefined) {
        this.data = cached;
        this.loading = false;
        this.error = null;
        return;
      }
      let live = true;
      this.loading = true;
      coordinator.run(a[0], a[1]).then(
        (d) => {
          if (!live) return;
          this.data = d;
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
