import { describe, expect, it } from 'vitest';
import { PreparedCache } from '../../src/engine/prepared-cache.ts';

/** Statements that record their life: the cache's own bookkeeping is what is tested here. */
function engine() {
  const prepared: string[] = [];
  const closed: string[] = [];
  const prepare = async (sql: string) => {
    if (sql.includes('SYNTAX')) throw new Error('Parser Error');
    prepared.push(sql);
    let open = true;
    return {
      sql,
      async run(x: number) {
        if (!open) throw new Error(`${sql} is closed`);
        await new Promise((r) => setTimeout(r, 1));
        if (x < 0) throw new Error('Conversion Error');
        return `${sql}:${x}`;
      },
      async close() {
        open = false;
        closed.push(sql);
      },
    };
  };
  return { prepared, closed, prepare };
}

describe('PreparedCache', () => {
  it('prepares a statement once and runs it again and again', async () => {
    const e = engine();
    const cache = new PreparedCache(e.prepare);
    const answers = await Promise.all([1, 2, 3].map((x) => cache.use('SELECT a', (s) => s.run(x))));
    expect(answers).toEqual(['SELECT a:1', 'SELECT a:2', 'SELECT a:3']);
    expect(await cache.use('SELECT a', (s) => s.run(4))).toBe('SELECT a:4');
    expect(e.prepared).toEqual(['SELECT a']);
    expect(e.closed).toEqual([]);
  });

  it('closes the least recently used beyond its limit, never one a query is still using', async () => {
    const e = engine();
    const cache = new PreparedCache(e.prepare, 2);
    await cache.use('A', (s) => s.run(1));
    await cache.use('B', (s) => s.run(1));
    let release = () => {};
    const held = cache.use('B', (s) => new Promise<string>((r) => (release = () => r(s.sql))));
    await cache.use('A', (s) => s.run(1)); // A is now the most recent
    await cache.use('C', (s) => s.run(1)); // evicts B, which is still in use
    await new Promise((r) => setTimeout(r, 5));
    expect(e.closed).toEqual([]);
    release();
    expect(await held).toBe('B');
    await new Promise((r) => setTimeout(r, 0));
    expect(e.closed).toEqual(['B']);
    expect(cache.size).toBe(2);
    expect(await cache.use('B', (s) => s.run(2))).toBe('B:2'); // prepared afresh
    expect(e.prepared).toEqual(['A', 'B', 'C', 'B']);
  });

  it('drops a statement whose run failed, and one that could not be prepared', async () => {
    const e = engine();
    const cache = new PreparedCache(e.prepare);
    await expect(cache.use('A', (s) => s.run(-1))).rejects.toThrow('Conversion Error');
    await new Promise((r) => setTimeout(r, 0));
    expect(e.closed).toEqual(['A']);
    expect(await cache.use('A', (s) => s.run(1))).toBe('A:1');
    expect(e.prepared).toEqual(['A', 'A']);
    await expect(cache.use('SYNTAX', (s) => s.run(1))).rejects.toThrow('Parser Error');
    expect(cache.size).toBe(1);
  });

  it('clear() closes every statement not in use', async () => {
    const e = engine();
    const cache = new PreparedCache(e.prepare);
    await cache.use('A', (s) => s.run(1));
    await cache.use('B', (s) => s.run(1));
    cache.clear();
    await new Promise((r) => setTimeout(r, 0));
    expect(e.closed.sort()).toEqual(['A', 'B']);
    expect(cache.size).toBe(0);
  });
});
