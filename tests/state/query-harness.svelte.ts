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
