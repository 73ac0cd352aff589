let done = false;

/** Called once the app has hydrated (or mounted) the page. */
export function markHydrated(): void {
  done = true;
}

/**
 * Whether a component is created after the app took over the page: false while server rendering and
 * hydrating, when markup must match what the server wrote.
 */
export const afterHydration = (): boolean => done;
