/** Runs `read` in an effect (inside an effect root) and logs every value it sees; stop() ends it. */
export function effectLog<T>(read: () => T) {
  const seen: T[] = [];
  const stop = $effect.root(() => {
    $effect(() => {
      seen.push(read());
    });
  });
  return { seen, stop };
}
