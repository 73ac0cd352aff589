import { untrack } from 'svelte';

/**
 * A file chosen in the prerendered page before the app took over fired no change handler: hand it
 * over once, when the component mounts. Call during component initialisation.
 */
export function readEarlyFile(
  input: () => HTMLInputElement | undefined,
  read: (file: File) => void,
  allowed: () => boolean = () => true,
): void {
  $effect(() =>
    untrack(() => {
      const early = input()?.files?.[0];
      if (early && allowed()) read(early);
    }),
  );
}
