import { Coordinator } from '../../src/core/coordinator.ts';
import { QueryResource } from '../../src/state/query.svelte.ts';
import type { QueryName, QueryRequest } from '../../src/core/queries.ts';

/** A QueryResource outside a component (its effects in an effect root), with arguments the test can change. */
export function queryHarness<N extends QueryName>(coordinator: Coordinator, first: [N, QueryRequest<N>] | null) {
  let args = $state<[N, QueryRequest<N>] | null>(first);
  let resource!: QueryResource<N>;
  const stop = $effect.root(() => {
    resource = new QueryResource(coordinator, () => args);
  });
  return {
    get resource() {
      return resource;
    },
    set(next: [N, QueryRequest<N>] | null) {
      args = next;
    },
    stop,
  };
}

/** The same with `about` (read from the arguments) and an optional `keepWhile`. */
export function aboutHarness<N extends QueryName, A = string>(
  coordinator: Coordinator,
  first: [N, QueryRequest<N>],
  about: (args: [N, QueryRequest<N>]) => A,
  keepWhile?: (shown: A, next: A) => boolean,
) {
  let args = $state<[N, QueryRequest<N>]>(first);
  let resource!: QueryResource<N, A>;
  const stop = $effect.root(() => {
    resource = new QueryResource(coordinator, () => args, { about: () => about(args), keepWhile });
  });
  return {
    get r() {
      return resource;
    },
    set(next: [N, QueryRequest<N>]) {
      args = next;
    },
    stop,
  };
}

/**
 * A QueryResource and, after it, a render-time reader (as a panel's template is): logs the question and
 * the answer it sees every time either changes.
 */
export function renderHarness<N extends QueryName>(coordinator: Coordinator, first: [N, QueryRequest<N>]) {
  let args = $state<[N, QueryRequest<N>]>(first);
  const seen: [QueryRequest<N>, unknown][] = [];
  const stop = $effect.root(() => {
    const resource = new QueryResource(coordinator, () => args);
    $effect.pre(() => {
      seen.push([args[1], resource.data]);
    });
  });
  return {
    seen,
    set(next: [N, QueryRequest<N>]) {
      args = next;
    },
    stop,
  };
}
