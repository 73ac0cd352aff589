import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fragmentId, parseRoute, routePath } from '../../src/state/route.ts';

/**
 * Malformed percent-escapes in paths and fragments (issue 19 item 9): a host serving 404.html hands
 * the app any path a visitor typed, and a same-site link can carry any fragment. Parsing never throws.
 */
const PROPERTY_RUNS = { paths: 5000, fragments: 5000 };

const MALFORMED = ['%', '%%', '%E0%A4%A', '%c0%ae%c0%ae', '%ed%a0%80', '%ff', '%ZZ', 'a%', '%2', '%u0041', '%E0%A4', '%F0%9F%98'];

/** Paths with percent signs, escapes (valid, truncated, overlong, surrogate) and ordinary segments. */
const pathArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(...MALFORMED, 'kommun', '1286', 'rapport', 'rangordning', '..', '.', '%2F', '%2e%2e', 'index.html', ''),
      fc.string({ maxLength: 8 }),
      fc.uint8Array({ maxLength: 4 }).map((b) => [...b].map((x) => '%' + x.toString(16).padStart(2, '0')).join('')),
    ),
    { maxLength: 6 },
  )
  .map((parts) => '/' + parts.join('/'));

describe('parseRoute', () => {
  it.each(['/kommun/%E0%A4%A/', '/%', '/kommun/%c0%ae%c0%ae/rapport/', '/%ed%a0%80/', '/rangordning%/'])(
    '%s is the 404 route, not a URIError',
    (path) => {
      expect(parseRoute(path)).toEqual({ page: 'saknas', path });
    },
  );

  it('still decodes valid escapes', () => {
    expect(parseRoute('/kommun/%31%32%38%36/')).toEqual({ page: 'kommun', id: '1286' });
    expect(parseRoute('/rangordning/')).toEqual({ page: 'rangordning' });
  });

  it('never throws and always gives a known page (property)', () => {
    fc.assert(
      fc.property(pathArb, (path) => {
        const r = parseRoute(path);
        expect(['start', 'kommun', 'rapport', 'rangordning', 'egna-data', 'om-data', 'tillganglighet', 'saknas']).toContain(r.page);
        expect(typeof routePath(r)).toBe('string');
        if (r.page === 'kommun' || r.page === 'rapport') expect(r.id).toMatch(/^\d{4}$/);
      }),
      { numRuns: PROPERTY_RUNS.paths },
    );
  });
});

describe('fragmentId', () => {
  it.each([
    ['#%', '%'],
    ['#%E0%A4%A', '%E0%A4%A'],
    ['#main', 'main'],
    ['#r%C3%A4tt', 'rätt'],
    ['', ''],
    ['#', ''],
  ])('%s → %s', (hash, id) => {
    expect(fragmentId(hash)).toBe(id);
  });

  it('never throws (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), pathArb, fc.constantFrom(...MALFORMED)), (s) => {
        expect(typeof fragmentId('#' + s)).toBe('string');
      }),
      { numRuns: PROPERTY_RUNS.fragments },
    );
  });
});
