import { describe, expect, it, vi } from 'vitest';
import { afterFirstPaint, warmPolicy } from '../../src/app/warm-engine.ts';

describe('warmPolicy', () => {
  it('starts right after first paint only on pages whose controls query DuckDB', () => {
    expect(['kommun', 'rapport', 'rangordning', 'egna-data'].map((p) => warmPolicy(p as never, false))).toEqual([
      'after-paint',
      'after-paint',
      'after-paint',
      'after-paint',
    ]);
    expect(['start', 'om-data', 'tillganglighet', 'saknas'].map((p) => warmPolicy(p as never, false))).toEqual([
      'interaction',
      'interaction',
      'interaction',
      'interaction',
    ]);
  });

  it('waits for an interaction everywhere when the visitor asked to save data', () => {
    expect(warmPolicy('kommun', true)).toBe('interaction');
  });
});

describe('afterFirstPaint', () => {
  it('runs at once when the page has painted already, else after the next frame', async () => {
    const calls: string[] = [];
    afterFirstPaint(() => calls.push('no paint yet'));
    expect(calls).toEqual([]);
    const paints = vi
      .spyOn(performance, 'getEntriesByType')
      .mockImplementation((type) =>
        type === 'paint'
          ? ([{ name: 'first-contentful-paint', entryType: 'paint', startTime: 120, duration: 0 }] as PerformanceEntryList)
          : [],
      );
    afterFirstPaint(() => calls.push('painted'));
    expect(calls).toEqual(['painted']);
    paints.mockRestore();
    await new Promise((r) => setTimeout(r, 5));
    expect(calls).toEqual(['painted', 'no paint yet']);
  });
});
