import type { Row } from './database.ts';

/**
 * An Arrow table (duckdb-wasm's query answer) as plain rows, column by column. Arrow's own row
 * objects (`toArray()` + `toJSON()`) look up a visitor for every cell and decode every string with
 * its own TextDecoder call; on a kommun change that conversion took more main-thread time than
 * drawing the charts. Here a string column is decoded with one call per chunk when its bytes are
 * ASCII (ids, periods, KPI ids), doubles and integers are read straight from their buffers, and any
 * other type goes through Arrow's iterator. BIGINT becomes a number.
 *
 * Structural types only: the page never imports Arrow itself (it comes with duckdb-wasm).
 */
interface ArrowType {
  typeId: number;
  bitWidth?: number;
  precision?: number;
}
interface ArrowData {
  type: ArrowType;
  length: number;
  nullCount: number;
  values: unknown;
  valueOffsets: unknown;
  /** a dictionary-encoded column's words (values then holds each row's index into them) */
  dictionary?: ArrowVector;
  getValid(index: number): boolean;
}
interface ArrowVector extends Iterable<unknown> {
  length: number;
  data: readonly ArrowData[];
}
export interface ArrowTable {
  numRows: number;
  schema: { fields: { name: string }[] };
  getChildAt(index: number): ArrowVector | null;
}

const DICTIONARY = -1;
const INT = 2;
const FLOAT = 3;
const UTF8 = 5;
const DOUBLE = 2;
const SINGLE = 1;
const decoder = new TextDecoder();

/** Each column's values in row order, by column name (for readers that need no row objects). */
export function arrowColumns(table: ArrowTable): Map<string, unknown[]> {
  return new Map(table.schema.fields.map((f, i) => [f.name, columnsAt(table, i)]));
}

function columnsAt(table: ArrowTable, i: number): unknown[] {
  const v = table.getChildAt(i);
  return v ? columnValues(v) : [];
}

export function arrowRows(table: ArrowTable): Row[] {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((_, i) => columnsAt(table, i));
  const n = table.numRows;
  const rows: Row[] = new Array(n);
  // A column named __proto__ would set the prototype by assignment: build such rows by definition.
  const assignable = !names.includes('__proto__');
  for (let r = 0; r < n; r++) {
    if (!assignable) {
      rows[r] = Object.fromEntries(names.map((name, c) => [name, columns[c][r]]));
      continue;
    }
    const row: Row = {};
    for (let c = 0; c < names.length; c++) row[names[c]] = columns[c][r];
    rows[r] = row;
  }
  return rows;
}

function columnValues(vector: ArrowVector): unknown[] {
  if (!vector.data.every(fast)) return Array.from(vector, (x) => (typeof x === 'bigint' ? Number(x) : x));
  const out: unknown[] = new Array(vector.length);
  let at = 0;
  for (const data of vector.data) {
    if (data.type.typeId === UTF8) utf8Into(data, out, at);
    else if (data.type.typeId === DICTIONARY) wordsInto(data, out, at);
    else numbersInto(data, out, at);
    at += data.length;
  }
  return out;
}

function fast(data: ArrowData): boolean {
  const { typeId, bitWidth, precision } = data.type;
  if (typeId === UTF8) return true;
  if (typeId === DICTIONARY) return data.dictionary !== undefined && data.dictionary.data.every(fast);
  if (typeId === FLOAT) return precision === DOUBLE || precision === SINGLE;
  return typeId === INT && (bitWidth === 8 || bitWidth === 16 || bitWidth === 32 || bitWidth === 64);
}

function numbersInto(data: ArrowData, out: unknown[], at: number): void {
  const values = data.values as ArrayLike<number | bigint>;
  const { length } = data;
  const nulls = data.nullCount > 0;
  for (let i = 0; i < length; i++) out[at + i] = nulls && !data.getValid(i) ? null : Number(values[i]);
}

/** A dictionary-encoded column (the value pieces' strings): its words decoded once, then looked up per row. */
function wordsInto(data: ArrowData, out: unknown[], at: number): void {
  const words = columnValues(data.dictionary!);
  const keys = data.values as ArrayLike<number>;
  const { length } = data;
  const nulls = data.nullCount > 0;
  for (let i = 0; i < length; i++) out[at + i] = nulls && !data.getValid(i) ? null : words[keys[i]];
}

function utf8Into(data: ArrowData, out: unknown[], at: number): void {
  const values = data.values as Uint8Array;
  const o = data.valueOffsets as ArrayLike<number>;
  const { length } = data;
  const nulls = data.nullCount > 0;
  const start = o[0];
  const text = decoder.decode(values.subarray(start, o[length]));
  // Only ASCII decodes to exactly one character per byte; otherwise offsets are not character positions.
  const ascii = text.length === o[length] - start;
  for (let i = 0; i < length; i++) {
    if (nulls && !data.getValid(i)) out[at + i] = null;
    else out[at + i] = ascii ? text.slice(o[i] - start, o[i + 1] - start) : decoder.decode(values.subarray(o[i], o[i + 1]));
  }
}
