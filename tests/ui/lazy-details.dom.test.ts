import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import Harness from './lazy-details-harness.svelte';

const toggle = async (details: HTMLDetailsElement, open: boolean) => {
  details.open = open;
  await new Promise<void>((r) => details.addEventListener('toggle', () => r(), { once: true }));
  flushSync();
};

describe('LazyDetails', () => {
  it('builds its body only while open, and again with the current data when reopened', async () => {
    const built = { count: 0 };
    const { container, rerender } = render(Harness, { rows: ['a', 'b'], built });
    const details = container.querySelector('details.member-table') as HTMLDetailsElement;
    expect(details.querySelector('summary')!.textContent).toBe('Visa');
    expect(details.querySelectorAll('li')).toHaveLength(0);
    expect(built.count).toBe(0); // closed from the start: not built even once

    await rerender({ rows: ['a', 'b', 'c'], built });
    built.count = 0;
    await rerender({ rows: ['x', 'y', 'z'], built });
    expect(built.count).toBe(0); // closed: a data change builds nothing

    await toggle(details, true);
    expect([...details.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['x', 'y', 'z']);
    await toggle(details, false);
    expect(details.querySelectorAll('li')).toHaveLength(0);
  });

  it('created open, it is built at once', () => {
    const built = { count: 0 };
    const { container } = render(Harness, { rows: ['a', 'b', 'c'], built, open: true });
    flushSync();
    expect([...container.querySelectorAll('details.member-table li')].map((li) => li.textContent)).toEqual(['a', 'b', 'c']);
    expect(built.count).toBe(3);
  });
});
