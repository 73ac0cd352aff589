/**
 * Follows a same-site link once what the new page needs is here (for a kommun page: its build-time
 * answers and liknande groups, usually a few tens of milliseconds), so the page is drawn once, with
 * its figures, instead of first as "Hämtar …" and then again. Waits at most `maxWaitMs`, which stays
 * under the ~0.4 s a click may take before it feels slow: on two busy cores the answers fetched at
 * hover took up to 220 ms, and 150 ms showed "Hämtar …" for a moment. A later click wins over an
 * earlier one still waiting.
 */
export function preparedNavigation(
  navigate: (path: string) => void,
  /** starts fetching what `path` needs; null when nothing is worth waiting for */
  prepare: (path: string) => Promise<unknown> | null,
  maxWaitMs = 300,
): (path: string) => void {
  let latest = 0;
  return (path) => {
    const token = ++latest;
    const ready = prepare(path);
    if (!ready) return navigate(path);
    let done = false;
    const go = () => {
      if (done || token !== latest) return;
      done = true;
      clearTimeout(timer);
      navigate(path);
    };
    const timer = setTimeout(go, maxWaitMs);
    ready.then(go, go);
  };
}
