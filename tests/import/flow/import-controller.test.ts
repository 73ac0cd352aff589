import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kpi } from '../../../src/data/contract.ts';
import { openNodeDatabase } from '../../../src/engine/node-database.ts';
import type { Database } from '../../../src/engine/database.ts';
import { runWrite } from '../../../src/core/writes.ts';
import { ImportController, initialFlowState, type FlowDeps } from '../../../src/import/flow/import-controller.ts';
import { createParseClient } from '../../../src/import/worker/parse-client.ts';
import type { StoredSet } from '../../../src/import/store/import-store.ts';
import { fixtureBytes, fixtureMunicipalities } from '../helpers.ts';

let db: Database;
let added: StoredSet[];
const known: Kpi[] = [
  {
    id: 'N00090',
    title: 'Sjukfrånvaro bland kommunalt anställda, andel (%)',
    unit: '%',
    is_divided_by_gender: true,
    description: '',
    source: 'Kolada (RKA)',
    higher_is_better: false,
    parent: null,
    breakdown: null,
  },
];

beforeEach(async () => {
  db = await openNodeDatabase();
  await db.exec(
    `CREATE TABLE kpi_values (kpi VARCHAR, municipality_id VARCHAR, period VARCHAR, gender VARCHAR, value DOUBLE, status VARCHAR)`,
  );
  added = [];
});
afterEach(() => db?.close());

function controller(municipality: string | null = null) {
  const deps: FlowDeps = {
    municipalities: () => fixtureMunicipalities(),
    kpis: () => known,
    lookupKpi: (id) => known.find((k) => k.id.toUpperCase() === id.toUpperCase()),
    createClient: createParseClient,
    engineStarting: () => false,
    startEngine: async () => {},
    stage: (plan, bytes, context, progress) => runWrite(db, 'stage', { plan, bytes, context, progress }),
    commitStaged: (setId, rename) => runWrite(db, 'commitStaged', { setId, rename }),
    discardStaged: async () => void (await runWrite(db, 'discardStaged', {})),
    add: async (set, ingest) => {
      const r = ingest ? await ingest() : { report: await runWrite(db, 'ingest', { setId: set.id, csv: set.csv! }), csv: set.csv! };
      added.push({ ...set, csv: r.csv, report: r.report });
      return { report: r.report, persisted: true };
    },
    restartEngine: () => {},
    snapshot: (x) => structuredClone(x),
    now: () => new Date('2026-11-30T10:00:00Z'),
  };
  return new ImportController(initialFlowState(municipality), deps);
}
const file = (name: string, bytes: Uint8Array | string) =>
  new File([(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes) as Uint8Array<ArrayBuffer>], name);
const rows = () =>
  db.query<{ kpi: string; municipality_id: string; period: string; value: number }>(
    `SELECT kpi, municipality_id, period, value FROM kpi_values ORDER BY kpi, period`,
  );

describe('the import controller', () => {
  it('a file without a kommun column: asks for one, then sends age groups and the total to the monthly panel', async () => {
    const c = controller();
    await c.readFile(file('sjuk.csv', fixtureBytes('own/hr-manader-rader-aldersgrupper-kolumner-1252.csv')));
    expect(c.state.phase).toBe('preview');
    expect(c.problem).toMatch(/Välj vilken kommun/);
    expect(await c.confirm()).toBe(false);
    expect(added).toEqual([]);
    await c.remap({ municipality: '1489' });
    expect(c.problem).toBeNull();
    expect(c.state.choices.map((x) => [x.fileId, x.id])).toEqual([
      ['–29 år', 'X90001_29'],
      ['30–49 år', 'X90001_30_49'],
      ['50– år', 'X90001_50'],
      ['Totalt', 'X90001'],
    ]);
    expect(await c.confirm()).toBe(true);
    expect(c.state.phase).toBe('done');
    expect(c.state.message?.text).toMatch(/96 rader lades till/);
    const got = await rows();
    expect(got.find((r) => r.kpi === 'X90001_29' && r.period === '2022-01')).toMatchObject({ municipality_id: '1489', value: 9.98 });
    expect(new Set(got.map((r) => r.kpi))).toEqual(new Set(['X90001', 'X90001_29', 'X90001_30_49', 'X90001_50']));
    const set = added[0];
    expect(set.kpis.map((k) => k.id).sort()).toEqual(['X90001', 'X90001_29', 'X90001_30_49', 'X90001_50']);
    expect(set.kpis[0].source).toBe('egna data, sjuk.csv, inläst 2026-11-30');
    expect(set.periods.X90001_29).toHaveLength(24);
  });

  it('a kommun chosen before the file (from ?kommun=) is used directly', async () => {
    const c = controller('1489');
    await c.readFile(file('ame.csv', fixtureBytes('own/ame-avslut-rader-ar-kolumner.csv')));
    expect(c.problem).toBeNull();
    expect(c.state.choices.map((x) => x.id)).toEqual(['X40001', 'X40002', 'X40003', 'X40004']);
    expect(await c.confirm()).toBe(true);
    expect((await rows()).filter((r) => r.kpi === 'X40001').map((r) => r.period)).toEqual(['2020', '2021', '2022', '2023']);
  });

  it('KPI ids named like Object.prototype members import and keep their names (issue 19.3)', async () => {
    const ids = ['constructor', '__proto__', 'toString', 'valueOf'];
    const text = 'kpi;kommun;period;värde\n' + ids.map((id, i) => `${id};1489;2023;${i + 1}`).join('\n');
    const c = controller();
    await c.readFile(file('proto.csv', text));
    expect(c.state.choices.map((x) => x.fileId)).toEqual(ids);
    expect(c.problem).toBeNull();
    expect(await c.confirm()).toBe(true);
    expect((await rows()).map((r) => [r.kpi, r.value])).toEqual([
      ['__proto__', 2],
      ['constructor', 1],
      ['toString', 3],
      ['valueOf', 4],
    ]);
    const periods = added[0].periods;
    for (const id of ids) expect(Object.getOwnPropertyDescriptor(periods, id)?.value, id).toEqual(['2023']);
  });

  it('more than 50 KPIs: every id can be renamed (issue 19.7)', async () => {
    const text = 'kpi;kommun;period;värde\n' + Array.from({ length: 60 }, (_, i) => `K ${i};1489;2023;${i}`).join('\n');
    const c = controller();
    await c.readFile(file('many.csv', text));
    expect(c.state.choices).toHaveLength(60);
    c.setChoice(55, { ...c.state.choices[55], id: 'MITT_55', title: 'Mitt nyckeltal' });
    expect(c.problem).toBeNull();
    expect(await c.confirm()).toBe(true);
    expect((await rows()).find((r) => r.kpi === 'MITT_55')?.value).toBe(55);
  });

  it('cancel, a refusal and an out-of-order confirm leave the store and the engine untouched', async () => {
    const c = controller();
    await c.readFile(file('bok.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1])));
    expect(c.state.summary?.refusal).toMatch(/Excel/);
    expect(await c.confirm()).toBe(false);
    await c.readFile(file('a.csv', 'kpi;kommun;period;värde\nA;1489;2023;1\n'));
    await c.cancel();
    expect(c.state.message?.text).toMatch(/Inget har lagts till/);
    expect(await c.confirm()).toBe(false);
    expect(added).toEqual([]);
    expect(await rows()).toEqual([]);
  });

  it('a NUL byte after the first megabyte of a big file gives a plain Swedish refusal (issue 19.6)', async () => {
    const lines = ['kpi;kommun;period;värde'];
    for (let i = 0, size = 0; size < 2.3 * 1024 * 1024; i++, size += lines.at(-1)!.length + 1)
      lines.push(`K${i % 50};1489;${2000 + (i % 25)}-${String((Math.floor(i / 25) % 12) + 1).padStart(2, '0')};${i % 100},5`);
    // unique keys are not needed for this test: the file must be refused whole
    const text = lines.join('\n');
    const at = text.indexOf('\n', 1.5 * 1024 * 1024) + 1;
    const bytes = new TextEncoder().encode(text.slice(0, at) + 'K\u00001;1489;2023;1\n' + text.slice(at));
    const c = controller();
    await c.readFile(file('stor.csv', bytes));
    const shown = `${c.state.message?.text ?? ''} ${c.state.summary?.refusal ?? ''}`;
    expect(shown).not.toMatch(/Parser Error|SELECT|read_csv|Error:/);
    expect(shown).toMatch(/binära|Filen kunde inte läsas/);
    expect(added).toEqual([]);
  });
});
