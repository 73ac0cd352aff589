import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { preparedNavigation } from '../../src/app/prepared-navigation.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('preparedNavigation', () => {
  it('goes at once where there is nothing to wait for', () => {
    const went: string[] = [];
    const go = preparedNavigation(
      (p) => went.push(p),
      () => null,
    );
    go('om-data/');
    expect(went).toEqual(['om-data/']);
  });

  it('waits for what the page needs, then goes once', async () => {
    const went: string[] = [];
    const ready = deferred();
    const go = preparedNavigation(
      (p) => went.push(p),
      () => ready.promise,
      150,
    );
    go('kommun/1286/');
    await vi.advanceTimersByTimeAsync(40);
    expect(went).toEqual([]);
    ready.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(went).toEqual(['kommun/1286/']);
    await vi.advanceTimersByTimeAsync(500);
    expect(went).toEqual(['kommun/1286/']);
  });

  it('goes after the longest wait even when the fetch hangs or fails', async () => {
    const went: string[] = [];
    const go = preparedNavigation(
      (p) => went.push(p),
      () => new Promise(() => {}),
      150,
    );
    go('kommun/1286/');
    await vi.advanceTimersByTimeAsync(149);
    expect(went).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(went).toEqual(['kommun/1286/']);
    const failing = preparedNavigation(
      (p) => went.push(p),
      () => Promise.reject(new Error('404')),
      150,
    );
    failing('kommun/0114/');
    await vi.advanceTimersByTimeAsync(0);
    expect(went).toEqual(['kommun/1286/', 'kommun/0114/']);
  });

  it('lets a later click win over an earlier one still waiting', async () => {
    const went: string[] = [];
    const slow = deferred();
    const go = preparedNavigation(
      (p) => went.push(p),
      (p) => (p.startsWith('kommun/1286') ? slow.promise : p.startsWith('kommun') ? Promise.resolve() : null),
      150,
    );
    go('kommun/1286/');
    go('kommun/0114/');
    await vi.advanceTimersByTimeAsync(0);
    slow.resolve();
    await vi.advanceTimersByTimeAsync(500);
    expect(went).toEqual(['kommun/0114/']);
    go('kommun/1286/');
    go('om-data/');
    await vi.advanceTimersByTimeAsync(500);
    expect(went).toEqual(['kommun/0114/', 'om-data/']);
  });
});
