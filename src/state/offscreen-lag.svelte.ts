import { untrack } from 'svelte';
import { whenIdle } from './prefetch.ts';

/**
 * The inputs of one part of a page (a panel): while it is on screen they follow their live values at
 * once; while it is off screen, at the next idle moment, so a change draws what the visitor sees
 * first. Coming into view catches up at once. Without a target (the report, print) or before the
 * first observation, it follows at once. `target` gives the element to watch (null: not deferred); a change that
 * `urgent` names (the visitor acted on this very part) is followed at once too.
 */
export class OffscreenLag<T> {
  current = $state.raw() as T;

  constructor(live: () => T, target: () => Element | null, urgent: (shown: T, next: T) => boolean = () => false) {
    this.current = untrack(live);
    let latest = this.current;
    let onScreen = true;
    let cancel: (() => void) | undefined;
    const catchUp = () => {
      cancel?.();
      cancel = undefined;
      this.current = latest;
    };
    $effect.pre(() => {
      latest = live();
      if (
        onScreen ||
        urgent(
          untrack(() => this.current),
          latest,
        )
      )
        catchUp();
      else cancel ??= whenIdle(catchUp);
    });
    $effect(() => {
      const el = target();
      if (!el || typeof IntersectionObserver === 'undefined') return;
      const io = new IntersectionObserver(
        (entries) => {
          onScreen = entries[entries.length - 1].isIntersecting;
          if (onScreen && untrack(() => this.current) !== latest) catchUp();
        },
        { rootMargin: '200px 0px' },
      );
      io.observe(el);
      addEventListener('beforeprint', catchUp);
      return () => {
        removeEventListener('beforeprint', catchUp);
        io.disconnect();
        onScreen = true;
      };
    });
    $effect(() => () => cancel?.());
  }
}
