import { describe, expect, it } from 'vitest';
import {
  Bool,
  Dictionary,
  Field,
  Float64,
  Int32,
  Int64,
  List,
  Table,
  Utf8,
  tableFromIPC,
  tableToIPC,
  vectorFromArray,
  makeTable,
} from 'apache-arrow';
import { arrowRows, type ArrowTable } from '../../src/engine/arrow-rows.ts';

/** What the engine returned before: Arrow's own row objects, BIGINT as numbers (list cells compared as JSON). */
const reference = (t: Table) =>
  json(
    t
      .toArray()
      .map((r: { toJSON(): Record<string, unknown> }) =>
        Object.fromEntries(Object.entries(r.toJSON()).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
      ),
  );
const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
/** As the worker hands it over: through Arrow IPC, one or more record batches. */
const viaIpc = (t: Table) => tableFromIPC(tableToIPC(t, 'stream'));

const ids = ['0180', '1286', null, '2584', 'Malå', 'Örebro', '', '0000', '1489'];
const values = [1.5, null, 0, -2.25, 1e15, null, 3, 7.125, 81];
const counts = [1n, 2n, 3n, null, 5n, 6n, 7n, 8n, 2n ** 40n];
function sample(): Table {
  return makeTable({
    id: vectorFromArray(ids, new Utf8()).data[0],
    value: vectorFromArray(values, new Float64()).data[0],
    n: vectorFromArray(counts, new Int64()).data[0],
    rank: vectorFromArray([1, 2, null, 4, 5, 6, 7, 8, 9], new Int32()).data[0],
    flag: vectorFromArray([true, false, null, true, true, false, true, false, true], new Bool()).data[0],
    list: vectorFromArray([[1], [], null, [2, 3], [4], [5], [6], [7], [8]], new List(new Field('item', new Float64(), true))).data[0],
  } as never) as unknown as Table;
}

describe('arrowRows (query answers as plain rows)', () => {
  it('gives exactly the rows of Arrow’s own row objects, nulls, non-ASCII names and BIGINT included', () => {
    const t = viaIpc(sample());
    const rows = arrowRows(t as unknown as ArrowTable);
    expect(json(rows)).toEqual(reference(t));
    expect(rows[4]).toMatchObject({ id: 'Malå', value: 1e15, n: 5 });
    expect(rows[2]).toMatchObject({ id: null, rank: null, n: 3 });
    expect(rows[8].n).toBe(2 ** 40);
    expect(rows[3].n).toBeNull();
  });

  it('reads every record batch and sliced data at the right offsets', () => {
    const t = viaIpc(sample().concat(sample().slice(3, 8)));
    expect(t.batches.length).toBeGreaterThan(1);
    const rows = arrowRows(t as unknown as ArrowTable);
    expect(rows).toHaveLength(14);
    expect(json(rows)).toEqual(reference(t));
    expect(rows.slice(9).map((r) => r.id)).toEqual(ids.slice(3, 8));
    // sliced without an IPC round trip: offsets into shared buffers
    for (const sliced of [sample().slice(4), sample().slice(6)])
      // with and without non-ASCII names
      expect(json(arrowRows(sliced as unknown as ArrowTable))).toEqual(reference(sliced));
    expect(arrowRows(sample().slice(6) as unknown as ArrowTable).map((r) => r.id)).toEqual(['', '0000', '1489']);
  });

  it('reads dictionary-encoded strings (the value pieces) with nulls, over batches and slices', () => {
    const words = () =>
      makeTable({
        id: vectorFromArray(ids, new Dictionary(new Utf8(), new Int32())).data[0],
        value: vectorFromArray(values, new Float64()).data[0],
      } as never) as unknown as Table;
    const t = viaIpc(words().concat(words().slice(2, 7)));
    expect(t.batches.length).toBeGreaterThan(1);
    const rows = arrowRows(t as unknown as ArrowTable);
    expect(json(rows)).toEqual(reference(t));
    expect(rows.map((r) => r.id)).toEqual([...ids, ...ids.slice(2, 7)]);
    for (const sliced of [words().slice(3), words().slice(6)])
      expect(json(arrowRows(sliced as unknown as ArrowTable))).toEqual(reference(sliced));
  });

  it('keeps a column named __proto__ as data, never as the prototype', () => {
    // Arrow's own table builders choke on the name, so the table is put together around a real column.
    const column = vectorFromArray(['x', 'y'], new Utf8());
    const t = { numRows: 2, schema: { fields: [{ name: '__proto__' }] }, getChildAt: () => column };
    const rows = arrowRows(t as unknown as ArrowTable);
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(rows[0], '__proto__')?.value).toBe('x');
  });
});
