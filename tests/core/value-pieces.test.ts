import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDirectory } from '../../src/data/load-directory.ts';
import { openNodeDatabase } from '../../src/engine/node-database.ts';
import type { Database } from '../../src/engine/database.ts';
import { Coordinator } from '../../src/core/coordinator.ts';
import { withValuePieces, requestKpis, type PiecewiseDatabase } from '../../src/core/value-pieces.ts';
import { ingestUserSet } from '../../src/core/user-values.ts';
import { valuesCsvBytes } from '../../src/import/parse/values-csv.ts';
import { writeValuePieces } from '../../scripts/site/write-value-pieces.ts';
import { serveStatic, type StaticServer } from '../../scripts/site/static-server.ts';
import { PIECE_COLUMNS, PIECES_DIR, PIECES_INDEX, type PieceIndex } from '../../src/data/value-pieces.ts';
import { tableFromIPC } from 'apache-arrow';
import { KpiIndex, MAX_SLICE_ROWS } from '../../src/core/kpi-index.ts';
import { pieceStore } from '../../src/core/piece-store.ts';
import type { KpiSlice } from '../../src/queries/local/slice.ts';
import { prefetchOnIdle } from '../../src/state/prefetch.ts';
import { isIndexed } from '../../src/queries/local/period-index.ts';

/** A slice with each period's rows in one order (the engine gives them in any). */
const normal = (slice: KpiSlice) =>
  [...slice]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([gender, g]) => [
      gender,
      g.periods,
      g.periods.map((p) =>
        [...g.byPeriod.get(p)!].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : (a.value ?? -1e300) - (b.value ?? -1e300))),
      ),
    ]);

// The sample data set, laid out in pieces exactly as the build does, served on 127.0.0.1.
let full: Database;
let out: string;
let server: StaticServer;
let index: PieceIndex;
beforeAll(async () => {
  ({ db: full } = await loadDirectory('data/sample'));
  out = mkdtempSync(join(tmpdir(), 'jamfor-pieces-'));
  index = await writeValuePieces(full, join(out, 'data'));
  server = await serveStatic(out);
});
afterAll(async () => {
  await server?.close();
  await full?.close();
  rmSync(out, { recursive: true, force: true });
});

async function piecewise(dataDir = 'data/'): Promise<PiecewiseDatabase> {
  return withValuePieces(await openNodeDatabase(), new URL(dataDir, server.url).href);
}

/** A series panel's question about `kpi` for kommun `id` against three of its neighbours. */
const ask = (kpi: string, id = '1286') => ({
  kpi,
  municipalityId: id,
  members: ['1260', '1261', '1262'],
  gender: 'T' as const,
  higherIsBetter: true,
});

/**
 * A copy of the served data under `name`/ with U31462's piece missing, N00090's cut in half and (with
 * `garble`) U31001's the right length but no Arrow; `repair()` puts the good pieces back.
 */
function brokenCopy(name: string, garble = false) {
  const copy = join(out, name);
  cpSync(join(out, 'data'), copy, { recursive: true });
  const broken = ['U31462', 'N00090', ...(garble ? ['U31001'] : [])].map((k) => join(copy, PIECES_DIR, index.pieces[k][0]));
  rmSync(broken[0]);
  truncateSync(broken[1], Math.floor(index.pieces.N00090[1] / 2));
  if (garble) writeFileSync(broken[2], Buffer.alloc(index.pieces.U31001[1], 'municipality_id,period\n'));
  return {
    repair: () => broken.forEach((file) => cpSync(join(out, 'data', PIECES_DIR, file.split('/').pop()!), file)),
  };
}

describe('value pieces', () => {
  it('warm() loads a KPI ahead of its query on a running engine, and never starts one', async () => {
    const db = await piecewise();
    const c = new Coordinator(async () => db);
    c.warm({ kpi: 'U31001' });
    await new Promise((r) => setTimeout(r, 100));
    expect(c.status).toBe('idle');
    expect([...db.loaded]).toEqual([]);
    await c.start();
    c.warm({ kpi: 'U31001' });
    await expect.poll(() => [...db.loaded]).toEqual(['U31001']);
    c.warm({ kpi: 'INGET_SADANT' }); // unknown: the failure is left to a query, nothing thrown here
    await new Promise((r) => setTimeout(r, 100));
    expect([...db.loaded]).toEqual(['U31001']);
  });

  it('writes one Arrow piece per KPI holding exactly its rows, sorted, named by content hash', async () => {
    const kpis = await full.query<{ kpi: string; n: number }>(`SELECT kpi, count(*) AS n FROM kpi_values GROUP BY kpi ORDER BY kpi`);
    expect(index.format).toBe('arrow');
    expect(Object.keys(index.pieces).sort()).toEqual(kpis.map((k) => k.kpi));
    for (const { kpi, n } of kpis) {
      const [file, bytes, rows] = index.pieces[kpi];
      expect(file).toMatch(new RegExp(`^${kpi}\\.[0-9a-f]{12}\\.arrow$`));
      expect(rows).toBe(Number(n));
      const body = readFileSync(join(out, 'data', PIECES_DIR, file));
      expect(body.byteLength).toBe(bytes);
      const piece = tableFromIPC(body);
      expect(piece.schema.fields.map((f) => f.name)).toEqual([...PIECE_COLUMNS]);
      const source = await full.query(
        `SELECT municipality_id, period, gender, value, nullif(status, '') AS status FROM kpi_values WHERE kpi = ? ORDER BY municipality_id, period, gender`,
        [kpi],
      );
      expect(piece.toArray().map((r) => ({ ...r.toJSON() }))).toEqual(source);
    }
    expect(JSON.parse(readFileSync(join(out, 'data', PIECES_INDEX), 'utf8')).pieces).toEqual({ ...index.pieces });
  });

  it('answers every query like the fully loaded engine, loading only the KPIs asked for', async () => {
    const db = await piecewise();
    const lazy = new Coordinator(async () => db);
    const eager = new Coordinator(async () => full);
    const members = ['1260', '1261', '1262', '1263', '1264'];
    const series = { kpi: 'U31462', municipalityId: '1286', members, gender: 'T' as const, higherIsBetter: true };
    expect(await lazy.run('panelSeries', series)).toEqual(await eager.run('panelSeries', series));
    expect([...db.loaded]).toEqual(['U31462']);
    const [period] = (
      await full.query<{ p: string }>(`SELECT max(period) AS p FROM kpi_values WHERE kpi = 'N00090' AND length(period) = 4`)
    ).map((r) => r.p);
    const ranking = { kpi: 'N00090', period, gender: 'T' as const, higherIsBetter: false };
    expect(await lazy.run('ranking', ranking as never)).toEqual(await eager.run('ranking', ranking as never));
    const kids = (await full.query<{ kpi: string }>(`SELECT DISTINCT kpi FROM kpi_values ORDER BY kpi LIMIT 3`)).map((r) => r.kpi);
    const breakdown = { municipalityId: '1286', kpis: kids, genders: ['T', 'K', 'M'] };
    expect(await lazy.run('breakdown', breakdown as never)).toEqual(await eager.run('breakdown', breakdown as never));
    expect(new Set(db.loaded)).toEqual(new Set(['U31462', 'N00090', ...kids]));
    await db.close();
  });

  it('reads every KPI’s rows from its piece in the page exactly as the engine gives them back', async () => {
    const db = await piecewise();
    const fromEngine = new KpiIndex();
    for (const kpi of Object.keys(index.pieces)) {
      const slice = await db.pieceSlice(kpi, Infinity);
      expect(slice).not.toBe('oversized');
      await fromEngine.load(full, [kpi]);
      expect(normal(slice as KpiSlice), kpi).toEqual(normal(fromEngine.get(kpi)!));
    }
    expect(await db.pieceSlice('N31825', Infinity)).toEqual(new Map()); // in the catalogue, without values
    const [big, , rows] = [...Object.values(index.pieces)].sort((a, b) => b[2] - a[2])[0];
    expect(big).toBeTruthy();
    expect(
      await db.pieceSlice(
        Object.keys(index.pieces).find((k) => index.pieces[k][2] === rows)!,
        rows - 1,
      ),
    ).toBe('oversized');
    await db.close();
  });

  it('holds KPIs from their pieces without a statement while the data is the base data, from the engine after a change', async () => {
    const db = await piecewise();
    const c = new Coordinator(async () => db, {}, { localIndex: new KpiIndex() });
    const eager = new Coordinator(async () => full);
    expect(await c.run('panelSeries', ask('U31462', '1286'))).toEqual(await eager.run('panelSeries', ask('U31462', '1286')));
    expect(c.statements).toBe(0);
    expect(c.peek('panelSeries', ask('U31462', '1489'))).toEqual(await eager.run('panelSeries', ask('U31462', '1489')));
    // the engine takes the piece too, for its own queries
    await expect.poll(() => db.loaded.has('U31462')).toBe(true);
    c.clear();
    expect(await c.run('panelSeries', ask('U31462', '1286'))).toEqual(await eager.run('panelSeries', ask('U31462', '1286')));
    expect(c.statements).toBeGreaterThan(0);
    await db.close();
  });

  it('fails only the KPI whose piece is missing, truncated or garbled when read in the page, and reads it on a retry', async () => {
    const { repair } = brokenCopy('broken-in-page', true);
    const db = await piecewise('broken-in-page/');
    const c = new Coordinator(async () => db, {}, { localIndex: new KpiIndex() });
    const [a, b, g, ok] = await Promise.allSettled(['U31462', 'N00090', 'U31001', 'U40455'].map((k) => c.run('panelSeries', ask(k))));
    expect(a).toMatchObject({
      status: 'rejected',
      reason: { message: expect.stringMatching(/Värdena för U31462 kunde inte hämtas \(404/) },
    });
    expect(b).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/Värdena för N00090 kom ofullständiga/) } });
    expect(g).toMatchObject({ status: 'rejected', reason: { message: expect.stringMatching(/Värdena för U31001 gick inte att läsa/) } });
    expect(ok.status).toBe('fulfilled');
    repair();
    const held = new Coordinator(async () => full, {}, { localIndex: new KpiIndex() });
    for (const k of ['U31462', 'N00090', 'U31001'])
      expect(await c.run('panelSeries', ask(k))).toEqual(await held.run('panelSeries', ask(k)));
    await db.close();
  });

  it('answers, prefetches and warms held KPIs from the pieces before any engine runs, and uses the engine once the data changes', async () => {
    const store = pieceStore(new URL('data/', server.url).href);
    let opened = 0;
    const c = new Coordinator(
      async () => {
        opened++;
        return withValuePieces(await openNodeDatabase(), store);
      },
      {},
      { localIndex: new KpiIndex(MAX_SLICE_ROWS, store) },
    );
    const eager = new Coordinator(async () => full);
    expect(c.prefetchable).toBe(true);
    expect(await c.run('panelSeries', ask('U31462', '1286'))).toEqual(await eager.run('panelSeries', ask('U31462', '1286')));
    expect(await c.prefetch([ask('U31001', '1286'), ask('N00090', '1286')])).toBe(true);
    c.warm({ kpi: 'U40455' });
    await expect.poll(() => c.holds(['U31462', 'U31001', 'N00090', 'U40455'])).toBe(true);
    expect({ opened, status: c.status, statements: c.statements }).toEqual({ opened: 0, status: 'idle', statements: 0 });
    // an import changes the data: the page's pieces no longer tell the whole story
    c.clear();
    expect(c.prefetchable).toBe(false);
    expect(await c.run('panelSeries', ask('U31462', '1489'))).toEqual(await eager.run('panelSeries', ask('U31462', '1489')));
    expect(opened).toBe(1);
    expect(c.statements).toBeGreaterThan(0);
    (await c.database()).close();
  });

  it('decodes pieces read ahead one per idle moment, and at once when a visitor asks for one of them', async () => {
    const store = pieceStore(new URL('data/', server.url).href);
    const idle: (() => void)[] = [];
    const c = new Coordinator(async () => full, {}, { localIndex: new KpiIndex(MAX_SLICE_ROWS, store, (f) => idle.push(f)) });
    const eager = new Coordinator(async () => full, {}, { localIndex: new KpiIndex(MAX_SLICE_ROWS, store) });
    const prefetched = c.prefetch([ask('U31001'), ask('N00090'), ask('U40455')]);
    // every body is in and waits for its idle moment: nothing decoded yet
    await expect.poll(() => idle.length).toBe(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(['U31001', 'N00090', 'U40455'].filter((k) => c.holds([k]))).toEqual([]);
    idle.shift()!();
    await expect.poll(() => ['U31001', 'N00090', 'U40455'].filter((k) => c.holds([k])).length).toBe(1);
    // the visitor's own question about a waiting KPI does not wait for an idle moment
    const waiting = ['N00090', 'U40455'].find((k) => !c.holds([k]))!;
    expect(await c.run('panelSeries', ask(waiting))).toEqual(await eager.run('panelSeries', ask(waiting)));
    expect(c.holds([waiting])).toBe(true);
    // the last one goes at the next idle moment
    await expect.poll(() => idle.length).toBe(1);
    idle.shift()!();
    expect(await prefetched).toBe(true);
    expect(c.holds(['U31001', 'N00090', 'U40455'])).toBe(true);
    expect(c.statements).toBe(0);
  });

  it('indexes the periods of pieces read ahead at idle moments, one gender each, after the decoding', async () => {
    const store = pieceStore(new URL('data/', server.url).href);
    const idle: (() => void)[] = [];
    const index = new KpiIndex(MAX_SLICE_ROWS, store, (f) => idle.push(f));
    const c = new Coordinator(async () => full, {}, { localIndex: index });
    const prefetched = c.prefetch([ask('U31001'), ask('N00090')]);
    const indexed = (kpi: string) => {
      const slice = index.get(kpi);
      return slice ? [...slice.values()].map((g) => g.periods.every((p) => isIndexed(g, p))) : null;
    };
    await expect.poll(() => idle.length).toBe(1);
    idle.shift()!();
    await expect.poll(() => ['U31001', 'N00090'].filter((k) => c.holds([k])).length).toBe(1);
    const first = ['U31001', 'N00090'].find((k) => c.holds([k]))!;
    // held, not indexed: the other KPI's decoding comes first
    expect(indexed(first)!.some((x) => x)).toBe(false);
    await expect.poll(() => idle.length).toBe(1);
    idle.shift()!();
    expect(await prefetched).toBe(true);
    const genders = [...index.get('U31001')!.keys(), ...index.get('N00090')!.keys()].length;
    for (let i = 0; i < genders; i++) {
      await expect.poll(() => idle.length).toBe(1);
      idle.shift()!();
    }
    expect([indexed('U31001'), indexed('N00090')].flat().every((x) => x)).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(idle.length).toBe(0);
    // a visitor's own KPI is indexed by its own question, not at idle moments
    const own = new KpiIndex(MAX_SLICE_ROWS, store, (f) => idle.push(f));
    await new Coordinator(async () => full, {}, { localIndex: own }).run('memberValues', {
      kpi: 'U40455',
      municipalityIds: ['1286'],
      gender: 'T',
    });
    expect(idle.length).toBe(0);
  });

  it("takes the pieces the page reads into the engine behind a caller's queries, one at a time, and never inside a caller's transaction", async () => {
    // The real engine, watched: a query marked /*held*/ stays in flight until released.
    const engine = await openNodeDatabase();
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    let inserting = 0;
    let mostAtOnce = 0;
    let insertsWhileHeld = 0;
    let holding = false;
    const watched: Database = Object.create(engine, {
      query: {
        value: async (sql: string, params?: never[]) => {
          if (sql.includes('/*held*/')) {
            holding = true;
            await held;
            holding = false;
          }
          return engine.query(sql, params);
        },
      },
      insertArrow: {
        value: async (table: string, ipc: Uint8Array) => {
          if (holding) insertsWhileHeld++;
          mostAtOnce = Math.max(mostAtOnce, ++inserting);
          try {
            return await engine.insertArrow!(table, ipc);
          } finally {
            inserting--;
          }
        },
      },
    });
    const db = await withValuePieces(watched, new URL('data/', server.url).href);
    const rowsOf = async (kpi: string) =>
      Number((await db.query<{ n: number }>('SELECT count(*) AS n FROM kpi_values WHERE kpi = ?', [kpi]))[0].n);

    // inside a caller's transaction: read in the page, not taken in until the transaction ends
    await db.exec('BEGIN TRANSACTION');
    expect(await db.pieceSlice('U31462', MAX_SLICE_ROWS)).not.toBe('oversized');
    await new Promise((r) => setTimeout(r, 200));
    expect(db.loaded.has('U31462')).toBe(false);
    await db.exec('ROLLBACK');
    await expect.poll(() => db.loaded.has('U31462')).toBe(true);
    expect(await rowsOf('U31462')).toBe(index.pieces.U31462[2]);

    // behind a caller's query in flight, then one at a time
    const visitor = db.query('SELECT 1 AS one /*held*/');
    await Promise.all(['U31001', 'N00090', 'U40455'].map((k) => db.pieceSlice(k, MAX_SLICE_ROWS)));
    await new Promise((r) => setTimeout(r, 200));
    expect({ insertsWhileHeld, loaded: ['U31001', 'N00090', 'U40455'].filter((k) => db.loaded.has(k)) }).toEqual({
      insertsWhileHeld: 0,
      loaded: [],
    });
    release();
    expect(await visitor).toEqual([{ one: 1 }]);
    await expect.poll(() => ['U31001', 'N00090', 'U40455'].every((k) => db.loaded.has(k)), { timeout: 10_000 }).toBe(true);
    expect(mostAtOnce).toBe(1);
    for (const k of ['U31001', 'N00090', 'U40455']) expect(await rowsOf(k)).toBe(index.pieces[k][2]);
    await engine.close();
  });

  it("drops a piece's own table after the caller's next statement, not in front of it, and leaves none behind", async () => {
    const engine = await openNodeDatabase();
    const sent: string[] = [];
    const watched: Database = Object.create(engine, {
      query: { value: (sql: string, params?: never[]) => (sent.push(sql), engine.query(sql, params)) },
      exec: { value: (sql: string) => (sent.push(sql), engine.exec(sql)) },
    });
    const db = await withValuePieces(watched, new URL('data/', server.url).href);
    const pieceTables = async () =>
      (await engine.query<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE table_name LIKE 'piece_%'`)).length;
    await db.prepare({ kpis: ['U31462', 'U31001'] });
    expect(await db.query('SELECT 1 AS one /*mine*/')).toEqual([{ one: 1 }]);
    const mine = sent.findIndex((q) => q.includes('/*mine*/'));
    const firstDrop = sent.findIndex((q) => q.includes('DROP TABLE'));
    expect(mine).toBeGreaterThan(-1);
    expect(firstDrop === -1 || firstDrop > mine).toBe(true);
    await expect.poll(pieceTables).toBe(0);
    expect(db.loaded).toEqual(new Set(['U31462', 'U31001']));
    await db.close();
  });

  it('takes the pieces the page reads into the engine only when `feedWhen` says, one each time, while a query loads its own at once', async () => {
    const moments: (() => void)[] = [];
    const db = await withValuePieces(await openNodeDatabase(), new URL('data/', server.url).href, { feedWhen: (f) => moments.push(f) });
    await Promise.all(['U31462', 'U31001'].map((k) => db.pieceSlice(k, MAX_SLICE_ROWS)));
    await expect.poll(() => moments.length).toBe(1);
    await new Promise((r) => setTimeout(r, 100));
    expect([...db.loaded]).toEqual([]);
    // a query names its KPI: loaded at once, without waiting for a moment
    await db.prepare({ kpi: 'N00090' });
    expect([...db.loaded]).toEqual(['N00090']);
    moments.shift()!();
    await expect.poll(() => db.loaded.size).toBe(2);
    await expect.poll(() => moments.length).toBe(1);
    expect(db.loaded.size).toBe(2);
    moments.shift()!();
    await expect.poll(() => ['U31462', 'U31001'].every((k) => db.loaded.has(k))).toBe(true);
    expect(moments.length).toBe(0);
    await db.close();
  });

  it("reads pieces ahead (prefetchOnIdle) only while no engine start and no visitor's query is under way; a failed start lets it go on", async () => {
    const store = pieceStore(new URL('data/', server.url).href);
    const batch = [ask('U31462'), ask('U31001')];
    const kpis = ['U31462', 'U31001'];
    const pause = () => new Promise((r) => setTimeout(r, 300));

    // an engine starting: nothing read until it runs
    let open: (db: Database) => void = () => {};
    const c = new Coordinator(() => new Promise<Database>((r) => (open = r)), {}, { localIndex: new KpiIndex(MAX_SLICE_ROWS, store) });
    void c.start();
    let done = 0;
    prefetchOnIdle(c, [batch], () => done++);
    await pause();
    expect({ status: c.status, held: c.holds(kpis), done }).toEqual({ status: 'starting', held: false, done: 0 });
    const engine = await openNodeDatabase();
    open(await withValuePieces(engine, store));
    await expect.poll(() => c.holds(kpis) && done === 1, { timeout: 10_000 }).toBe(true);

    // a visitor's query in flight (its piece held back): nothing read until it is answered
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    const piecewise = await withValuePieces(engine, store);
    const gated: Database = { ...piecewise, prepare: async (r: unknown) => (await held, piecewise.prepare(r)) } as Database;
    const d = new Coordinator(async () => gated, {}, { localIndex: new KpiIndex(MAX_SLICE_ROWS, store) });
    await d.start();
    const visitor = d.run('ranking', { kpi: 'U40455', period: '2021', gender: 'T', higherIsBetter: true });
    prefetchOnIdle(d, [[ask('N00090')]]);
    await pause();
    expect({ busy: d.busy, held: d.holds(['N00090']) }).toEqual({ busy: true, held: false });
    release();
    expect((await visitor).length).toBeGreaterThan(0);
    await expect.poll(() => d.holds(['N00090']), { timeout: 10_000 }).toBe(true);

    // a start that fails: read from the pieces all the same
    const f = new Coordinator(() => Promise.reject(new Error('no engine here')), {}, { localIndex: new KpiIndex(MAX_SLICE_ROWS, store) });
    void f.start().catch(() => {});
    prefetchOnIdle(f, [batch]);
    await expect.poll(() => f.status === 'failed' && f.holds(kpis), { timeout: 10_000 }).toBe(true);
    await engine.close();
  });

  it('names the KPIs of a request from its kpi and kpis fields only', () => {
    expect(requestKpis({ kpi: 'A', kpis: ['B', 'constructor'], municipalityId: '1286' })).toEqual(['A', 'B', 'constructor']);
    expect(requestKpis({ municipalityId: '1286' })).toEqual([]);
  });

  it('answers a KPI without a piece with no rows instead of failing', async () => {
    const db = await piecewise();
    await db.prepare({ kpi: 'N31825' });
    expect(await db.query(`SELECT * FROM kpi_values WHERE kpi = 'N31825'`)).toEqual([]);
    await db.close();
  });

  it('fails only the query whose piece is missing or truncated, and loads it on a retry', async () => {
    const { repair } = brokenCopy('broken');
    const db = await piecewise('broken/');
    await expect(db.prepare({ kpi: 'U31462' })).rejects.toThrow(/Värdena för U31462 kunde inte hämtas \(404/);
    await expect(db.prepare({ kpi: 'N00090' })).rejects.toThrow(/Värdena för N00090 kom ofullständiga/);
    await db.prepare({ kpi: 'U31001' });
    expect(db.loaded.has('U31001')).toBe(true);
    expect(await db.query(`SELECT count(*) AS n FROM kpi_values WHERE kpi IN ('U31462', 'N00090')`)).toEqual([{ n: 0 }]);
    repair();
    await db.prepare({ kpis: ['U31462', 'N00090'] });
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM kpi_values WHERE kpi IN ('U31462', 'N00090')`);
    expect(n).toBe(index.pieces.U31462[2] + index.pieces.N00090[2]);
    await db.close();
  });

  it("refuses a whole piece whose row count is not the index's, adding none of its rows", async () => {
    const copy = join(out, 'miscounted');
    cpSync(join(out, 'data'), copy, { recursive: true });
    const told = JSON.parse(readFileSync(join(copy, PIECES_INDEX), 'utf8')) as PieceIndex;
    told.pieces.U31001[2] += 1;
    writeFileSync(join(copy, PIECES_INDEX), JSON.stringify(told));
    const db = await piecewise('miscounted/');
    const rows = index.pieces.U31001[2];
    await expect(db.prepare({ kpi: 'U31001' })).rejects.toThrow(`Värdena för U31001 kom ofullständiga (${rows} av ${rows + 1} rader)`);
    expect(await db.query(`SELECT count(*) AS n FROM kpi_values WHERE kpi = 'U31001'`)).toEqual([{ n: 0 }]);
    await db.prepare({ kpi: 'U31462' });
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM kpi_values WHERE kpi = 'U31462'`);
    expect(n).toBe(index.pieces.U31462[2]);
    await db.close();
  });

  it('refuses a piece that is not an Arrow stream (right length, wrong bytes) and leaves no table behind', async () => {
    const copy = join(out, 'garbled');
    cpSync(join(out, 'data'), copy, { recursive: true });
    const [file, bytes] = index.pieces.U31001;
    writeFileSync(join(copy, PIECES_DIR, file), Buffer.alloc(bytes, 'municipality_id,period\n'));
    const db = await piecewise('garbled/');
    const tables = async () =>
      (await db.query<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() ORDER BY 1`)).map((r) => r.name);
    const before = await tables();
    await expect(db.prepare({ kpi: 'U31001' })).rejects.toThrow(/Värdena för U31001 gick inte att läsa/);
    expect(await db.query(`SELECT count(*) AS n FROM kpi_values WHERE kpi = 'U31001'`)).toEqual([{ n: 0 }]);
    await db.prepare({ kpi: 'U31462' });
    await expect.poll(tables).toEqual(before);
    await db.close();
  });

  it('keeps imported values beside base values, and base values win when their piece comes later', async () => {
    const db = await piecewise();
    const [base] = await full.query<{ period: string; value: number }>(
      `SELECT period, value FROM kpi_values WHERE kpi = 'U31462' AND municipality_id = '1286' AND gender = 'T' AND value IS NOT NULL ORDER BY period LIMIT 1`,
    );
    const rows = [
      { kpi: 'U31462', municipality_id: '1286', period: base.period, gender: 'T' as const, value: base.value + 1 },
      { kpi: 'X1', municipality_id: '1286', period: '2024', gender: 'T' as const, value: 3 },
    ];
    // The import loads U31462's piece first, so its report compares against the base value.
    const report = await ingestUserSet(db, 's1', valuesCsvBytes(rows));
    expect(report).toMatchObject({ rows: 2, added: 1, conflicts: 1 });
    expect(db.loaded.has('U31462')).toBe(true);
    const values = await db.query(
      `SELECT kpi, value FROM kpi_values WHERE municipality_id = '1286' AND gender = 'T' AND ((kpi = 'U31462' AND period = ?) OR kpi = 'X1') ORDER BY kpi`,
      [base.period],
    );
    expect(values).toEqual([
      { kpi: 'U31462', value: base.value },
      { kpi: 'X1', value: 3 },
    ]);
    await db.close();

    // An import restored before a piece arrives (e.g. a stored set while pieces were unreachable).
    const later = await openNodeDatabase();
    await later.exec(
      `CREATE TABLE kpi_values (kpi VARCHAR, municipality_id VARCHAR, period VARCHAR, gender VARCHAR, value DOUBLE, status VARCHAR)`,
    );
    await ingestUserSet(later, 's1', valuesCsvBytes(rows));
    const wrapped = await withValuePieces(later, new URL('data/', server.url).href);
    await wrapped.prepare({ kpi: 'U31462' });
    const [{ value, n }] = await wrapped.query<{ value: number; n: number }>(
      `SELECT any_value(value) AS value, count(*) AS n FROM kpi_values WHERE kpi = 'U31462' AND municipality_id = '1286' AND period = ? AND gender = 'T'`,
      [base.period],
    );
    expect({ value, n }).toEqual({ value: base.value, n: 1 });
    expect(await wrapped.query(`SELECT applied, existing FROM user_values WHERE kpi = 'U31462'`)).toEqual([
      { applied: false, existing: base.value },
    ]);
    await wrapped.close();
  });
});
