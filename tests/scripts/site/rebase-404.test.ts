import { describe, expect, it } from 'vitest';
import { rebase404 } from '../../../scripts/site/rebase-404.ts';

const BUILT = [
  '<meta name="jamfor-root" content="/" />',
  '<script type="module" crossorigin src="/assets/index-abc.js"></script>',
  '<noscript><link rel="stylesheet" href="/assets/noscript.css" /></noscript>',
  '<a href="/">Start</a><a href="/om-data/?lang=en">Om</a><a href="https://www.kolada.se/">Kolada</a><a href="//cdn.example/x">x</a>',
].join('\n');

describe('rebase404', () => {
  it('moves every root-absolute URL under the sub-path and leaves other URLs alone', () => {
    const out = rebase404(BUILT, '/nyckeltal/');
    expect(out).toContain('content="/nyckeltal/"');
    expect(out).toContain('src="/nyckeltal/assets/index-abc.js"');
    expect(out).toContain('href="/nyckeltal/assets/noscript.css"');
    expect(out).toContain('<a href="/nyckeltal/">Start</a><a href="/nyckeltal/om-data/?lang=en">');
    expect(out).toContain('href="https://www.kolada.se/"');
    expect(out).toContain('href="//cdn.example/x"');
  });

  it('is idempotent and can move the site again', () => {
    const once = rebase404(BUILT, '/nyckeltal/');
    expect(rebase404(once, '/nyckeltal/')).toBe(once);
    const moved = rebase404(once, '/stat/kolada/');
    expect(moved).toContain('src="/stat/kolada/assets/index-abc.js"');
    expect(moved).not.toContain('/nyckeltal/');
    expect(rebase404(moved, '/')).toBe(BUILT);
  });

  it('refuses a base that is not a directory path', () => {
    expect(() => rebase404(BUILT, 'nyckeltal')).toThrow(/börja och sluta/);
    expect(() => rebase404(BUILT, '/nyckeltal')).toThrow(/börja och sluta/);
  });
});
