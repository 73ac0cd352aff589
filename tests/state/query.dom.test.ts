import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { Coordinator } from '../../src/core/coordinator.ts';
import { openNodeDatabase } from '../../src/engine/node-database.ts';
import type { Database } from '../../src/engine/database.ts';
import { CREATE_EMPTY_VALUES_SQL } from '../../src/data/schema.ts';
import { queryHarness } from './query-harness.svelte.ts';

let db: Database;
beforeAll(async () => {
  db = await openNodeDatabase();
  await db.exec(`${CREATE_EMPTY_VALUES_SQL};
    INSERT INTO kpi_values VALUES ('X1', '0180', '2023', 'T', 1, NULL)`);
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
