import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { reactiveMeta } from '../../src/app/reactive-meta.svelte.ts';
import type { SiteMeta } from '../../src/data/site-meta.ts';
import { effectLog } from './effect-log.svelte.ts';

const plain = () =>
  ({
    kpis: [{ id: 'U31462' }],
    municipalities: [{ id: '1286', name: 'Ystad' }],
    groups: [],
    targets: [],
    periods: {},
  }) as unknown as SiteMeta;

describe('reactiveMeta', () => {
  it('hands out the very objects it was given (no proxies) and tells readers when a field is replaced', () => {
    const source = plain();
    const meta = reactiveMeta(source);
    expect(meta.municipalities[0]).toBe(source.municipalities[0]);
    const log = effectLog(() => meta.kpis.map((k) => k.id).join());
    flushSync();
    meta.kpis = [...meta.kpis, { id: 'EGEN_1' } as SiteMeta['kpis'][number]];
    flushSync();
    expect(log.seen).toEqual(['U31462', 'U31462,EGEN_1']);
    log.stop();
  });

  it('lets lazyGroups appear and disappear even when the served meta had none', () => {
    const meta = reactiveMeta(plain());
    const log = effectLog(() => meta.lazyGroups?.length ?? 0);
    flushSync();
    meta.lazyGroups = ['1286'];
    flushSync();
    meta.lazyGroups = [];
    flushSync();
    expect(log.seen).toEqual([0, 1, 0]);
    expect(Object.keys(meta)).toContain('lazyGroups');
    log.stop();
  });
});
