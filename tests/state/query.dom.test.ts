import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { Coordinator } from '../../src/core/coordinator.ts';
import { openNodeDatabase } from '../../src/engine/node-database.ts';
import type { Database } from '../../src/engine/database.ts';
import { CREATE_EMPTY_VALUES_SQL } from '../../src/data/schema.ts';
import { aboutHarness, queryHarness, renderHarness } from './query-harness.svelte.ts';

let db: Database;
beforeAll(async () => {
  db = await openNodeDatabase();
  await db.exec(`${CREATE_EMPTY_VALUES_SQL};
    INSERT INTO kpi_values VALUES ('X1', '0180', '2023', 'T', 1, NULL), ('X1', '0180', '2022', 'K', 5, NULL), ('X1', '0180', '2023', 'K', 9, NULL)`);
});
afterAll(() => db?.close());

const until = async (f: () => boolean) => {
  for (let i = 0; i < 200 && !f(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('QueryResource.answered', () => {
  it('is false while a query runs, true once it answered, and true when it asks nothing', async () => {
    const h = queryHarness(new Coordinator(async () => db), null);
    flushSync();
    expect(h.resource.answered).toBe(true);
    h.set(['changeSpread', { kpi: 'X1', gender: 'T' }]);
    flushSync();
    expect(h.resource.answered).toBe(false);
    await until(() => h.resource.answered);
    expect(h.resource.data).toMatchObject({ n: 0 });
    expect(h.resource.answered).toBe(true);
    h.stop();
  });

  it('is true after a failure, so a report is not held back by a query that cannot answer', async () => {
    const h = queryHarness(
      new Coordinator(async () => {
        throw new Error('ingen motor');
      }),
      ['changeSpread', { kpi: 'X1', gender: 'T' }],
    );
    flushSync();
    expect(h.resource.answered).toBe(false);
    await until(() => h.resource.answered);
    expect(h.resource.error?.message).toBe('ingen motor');
    h.stop();
  });
});

describe('QueryResource keepWhile', () => {
  const ask = (kommun: string): ['breakdown', { kpis: string[]; municipalityId: string; genders: ['T'] }] => [
    'breakdown',
    { kpis: ['X1'], municipalityId: kommun, genders: ['T'] },
  ];
  const harness = (c: Coordinator, keepWhile?: (a: string, b: string) => boolean) =>
    aboutHarness(c, ask('0180'), (a) => a[1].municipalityId, keepWhile);

  it('drops an answer about another kommun while the new question runs, and labels each answer with its question', async () => {
    const h = harness(new Coordinator(async () => db), (a, b) => a === b);
    flushSync();
    await until(() => !h.r.loading && h.r.data !== undefined);
    expect(h.r.about).toBe('0180');
    expect(h.r.data?.length).toBe(1);
    h.set(ask('1286'));
    flushSync();
    expect(h.r.loading).toBe(true);
    expect(h.r.data).toBeUndefined();
    expect(h.r.about).toBeUndefined();
    await until(() => !h.r.loading);
    expect(h.r.about).toBe('1286');
    expect(h.r.data).toEqual([]);
    h.stop();
  });

  it('keeps the previous answer, still labelled with its own question, when keepWhile allows it', async () => {
    const h = harness(new Coordinator(async () => db));
    flushSync();
    await until(() => !h.r.loading && h.r.data !== undefined);
    h.set(ask('1286'));
    flushSync();
    expect(h.r.loading).toBe(true);
    expect(h.r.about).toBe('0180');
    expect(h.r.data?.length).toBe(1);
    await until(() => !h.r.loading);
    expect(h.r.about).toBe('1286');
    h.stop();
  });

  it('keeps the very object about() returned, so two answers to one question can be matched by identity', async () => {
    const question = { kommun: '0180' };
    const c = new Coordinator(async () => db);
    const a = aboutHarness(c, ask('0180'), () => question);
    const b = aboutHarness(c, ['changeSpread', { kpi: 'X1', gender: 'T' }], () => question);
    flushSync();
    await until(() => a.r.data !== undefined && b.r.data !== undefined);
    expect(a.r.about).toBe(question);
    expect(b.r.about).toBe(a.r.about);
    a.stop();
    b.stop();
  });
});

describe('QueryResource with a cached answer', () => {
  it('is in place before what reads it renders: the new question is never drawn with the old answer', async () => {
    const c = new Coordinator(async () => db);
    const t = { kpi: 'X1', gender: 'T' as const };
    const k = { kpi: 'X1', gender: 'K' as const };
    const [forT, forK] = await Promise.all([c.run('changeSpread', t), c.run('changeSpread', k)]);
    expect(forT).not.toEqual(forK);
    const h = renderHarness(c, ['changeSpread', t]);
    flushSync();
    h.set(['changeSpread', k]);
    flushSync();
    expect(h.seen).toEqual([
      [t, forT],
      [k, forK],
    ]);
    h.stop();
  });
});
