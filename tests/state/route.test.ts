import { describe, expect, it } from 'vitest';
import { parseRoute, pathBelowRoot } from '../../src/state/route.ts';

describe('pathBelowRoot', () => {
  it('takes the site root off a location, on a sub-path too', () => {
    expect(pathBelowRoot('/nyckeltal/kommun/1286/', '/nyckeltal/')).toBe('kommun/1286/');
    expect(pathBelowRoot('/kommun/1286/rapport/', '/')).toBe('kommun/1286/rapport/');
    expect(parseRoute(pathBelowRoot('/nyckeltal/rangordning/', '/nyckeltal/'))).toEqual({ page: 'rangordning' });
  });

  it('leaves a path outside the root as it is', () => {
    expect(pathBelowRoot('/annat/kommun/1286/', '/nyckeltal/')).toBe('/annat/kommun/1286/');
  });
});
