import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { openNodeDatabase } from '../../src/engine/node-database.ts';

const rows = (n: number) =>
  tableToIPC(tableFromArrays({ id: Array.from({ length: n }, (_, i) => `m${i}`), value: Float64Array.from({ length: n }, (_, i) => i) }));

describe('native DuckDB behind the Database interface', () => {
  it('lets work under way finish before it closes, and refuses work asked for after close', async () => {
    const db = await openNodeDatabase();
    await db.exec('CREATE TABLE t AS SELECT range AS x FROM range(10)');
    const inserted = db.insertArrow('piece', rows(20_000));
    const counted = db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM t');
    const closed = db.close();
    expect(db.close()).toBe(closed);
    await expect(inserted).resolves.toBeUndefined();
    await expect(counted).resolves.toEqual([{ n: 10 }]);
    await closed;
    await expect(db.query('SELECT 1')).rejects.toThrow('Databasen är stängd');
    await expect(db.exec('SELECT 1')).rejects.toThrow('Databasen är stängd');
  });

  it('answers statements asked all at once, each as if it ran alone (one connection, one pending result)', async () => {
    const db = await openNodeDatabase();
    // in the order asked: quick work asked after a slow statement is done after it
    const order: string[] = [];
    await Promise.all([
      db.query('SELECT sum(x * x) AS s FROM range(60000000) r(x)').then(() => order.push('slow')),
      db.registerFile('later.csv', new TextEncoder().encode('a\n1\n')).then(() => order.push('file')),
      db.query('SELECT 1 AS one').then(() => order.push('quick')),
    ]);
    expect(order).toEqual(['slow', 'file', 'quick']);
    await db.exec('CREATE TABLE t AS SELECT range AS x, range % 7 AS g FROM range(200000)');
    const piece = rows(5_000);
    for (let round = 0; round < 5; round++) {
      const asked: Promise<unknown>[] = [];
      for (let j = 0; j < 12; j++) {
        asked.push(db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM t WHERE g = ?', [j % 7]));
        asked.push(db.insertArrow(`p_${round}_${j}`, piece));
        asked.push(db.exec(`CREATE TABLE c_${round}_${j} AS SELECT * FROM t WHERE g = ${j % 7}`));
      }
      const settled = await Promise.allSettled(asked);
      expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
      expect((settled[0] as PromiseFulfilledResult<{ n: number }[]>).value).toEqual([{ n: 28572 }]);
    }
    const [{ tables }] = await db.query<{ tables: number }>(
      "SELECT count(*)::INTEGER AS tables FROM duckdb_tables() WHERE table_name LIKE 'p\\_%' ESCAPE '\\'",
    );
    expect(tables).toBe(60);
    await db.close();
  });

  it('survives being closed at any moment of taking in Arrow rows (it crashed the test process before)', () => {
    // In a process of its own, so a crash shows as its exit code rather than killing the test runner.
    const script = `
      import { openNodeDatabase } from './src/engine/node-database.ts';
      import { tableFromArrays, tableToIPC } from 'apache-arrow';
      const ipc = tableToIPC(tableFromArrays({ id: Array.from({ length: 20000 }, (_, i) => 'm' + i) }));
      let ok = 0;
      for (let i = 0; i < 25; i++) {
        const db = await openNodeDatabase();
        const p = db.insertArrow('t', ipc);
        await new Promise((r) => setTimeout(r, (i % 5) * 0.7));
        await db.close();
        await p;
        ok++;
      }
      console.log('inserted ' + ok);
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect({ status: run.status, signal: run.signal, out: run.stdout.trim() }, run.stderr).toEqual({
      status: 0,
      signal: null,
      out: 'inserted 25',
    });
  });
});
