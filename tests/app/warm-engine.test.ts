import { describe, expect, it } from 'vitest';
import { warmPolicy } from '../../src/app/warm-engine.ts';

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
