/**
 * The fast path for big long-format CSV files, worker side: decide whether a file can skip the
 * row-by-row JS parser and be read by DuckDB instead (sql-long-csv.ts), and prepare its bytes.
 *
 * A file takes the fast path when it is at least FAST_PATH_BYTES, is not JSON or Excel, its header is
 * a long-format header (parse-long-csv.ts) with a KPI column (or a default KPI), and it is *regular*:
 * no blank or whitespace-only lines between rows, no line breaks inside quotes and no lone CR line
 * ends. DuckDB skips blank lines and counts quoted line breaks differently, so only for regular files
 * is "record number + 1" the file line – the line numbers in rejections must be right. Irregular files
 * take the careful path (parseImportFile), which handles everything, just more slowly.
 *
 * The bytes handed to DuckDB are UTF-8: UTF-8 (with or without BOM) is passed through, Windows-1252
 * and UTF-16 are decoded and re-encoded first.
 */
import type { Gender } from '../../data/contract.ts';
import type { TextEncodingName } from './decode-text.ts';
import { detectLongColumns, kpiFromValueHeader, type LongColumns } from './parse-long-csv.ts';
import { parseCsvRows, sniffDecimalSeparator, sniffDelimiter, type Delimiter } from './sniff-csv.ts';
import type { DecimalSeparator } from './parse-number.ts';

/** Files from this size (2 MB) that qualify are read by DuckDB; smaller ones by the JS parser. */
export const FAST_PATH_BYTES = 2 * 1024 * 1024;

export interface FastPlan {
  fileName: string;
  /** UTF-8 text of the whole file (a BOM may remain; the header line is skipped anyway) */
  bytes: Uint8Array;
  /** size of the original file */
  originalBytes: number;
  encoding: TextEncodingName;
  delimiter: Delimiter;
  decimal: DecimalSeparator;
  /** number of columns in the header */
  width: number;
  columns: LongColumns;
  defaults: { kpi?: string; gender?: Gender };
  warnings: string[];
}

export type FastProgress = (done: number, total: number) => void;

const CHUNK = 4 * 1024 * 1024;
const SAMPLE_BYTES = 1024 * 1024;

/** A plan for DuckDB, or null when the file should take the careful path. Never throws except RangeError (memory). */
export function planFastLongCsv(
  fileName: string,
  bytes: Uint8Array,
  defaults: { kpi?: string; gender?: Gender } = {},
  onProgress: FastProgress = () => {},
  threshold = FAST_PATH_BYTES,
): FastPlan | null {
  if (bytes.length < threshold) return null;
  if (/\.json$/i.test(fileName)) return null;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return null; // xlsx: the careful path refuses it
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) return null;

  const encoding = detectEncoding(bytes, onProgress);
  const utf8 = encoding === 'utf-8' || encoding === 'utf-8-bom' ? bytes : transcode(bytes, encoding);

  const head = new TextDecoder('utf-8').decode(utf8.subarray(0, SAMPLE_BYTES)).replace(/^\ufeff/, '');
  const trimmedHead = head.trimStart();
  if (trimmedHead.startsWith('{') || trimmedHead.startsWith('[') || head.includes('\u0000')) return null;
  // Drop the last (possibly cut) line of the sample.
  const sampleText = utf8.length > SAMPLE_BYTES ? head.slice(0, Math.max(0, head.lastIndexOf('\n'))) : head;
  const delimiter = sniffDelimiter(sampleText);
  const sample = parseCsvRows(sampleText, delimiter);
  if (sample.rows.length < 2 || sample.lines[0] !== 1) return null;
  const columns = detectLongColumns(sample.rows[0]);
  if (!columns) return null;
  defaults = { ...defaults, kpi: defaults.kpi ?? kpiFromValueHeader(sample.rows[0], columns) };
  if (columns.kpi === undefined && !defaults.kpi) return null;
  if (!isRegular(utf8, onProgress)) return null;

  const valueCells: string[] = [];
  for (let i = 1; i < sample.rows.length && valueCells.length < 5000; i++) valueCells.push(sample.rows[i][columns.value!] ?? '');
  const warnings: string[] = [];
  if (columns.kpi === undefined) warnings.push(`Filen har ingen kolumn för nyckeltal; alla värden läses som ${defaults.kpi}.`);
  if (columns.gender === undefined) warnings.push('Filen har ingen kolumn för kön; alla värden läses som totalt (T).');
  return {
    fileName,
    bytes: utf8,
    originalBytes: bytes.length,
    encoding,
    delimiter,
    decimal: sniffDecimalSeparator(valueCells, delimiter),
    width: sample.rows[0].length,
    columns,
    defaults,
    warnings,
  };
}

/** Same decision as decodeText, without building the whole text at once. */
function detectEncoding(bytes: Uint8Array, onProgress: FastProgress): TextEncodingName {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    for (let at = bom ? 3 : 0; at < bytes.length; at += CHUNK) {
      decoder.decode(bytes.subarray(at, Math.min(bytes.length, at + CHUNK)), { stream: at + CHUNK < bytes.length });
      onProgress(Math.min(bytes.length, at + CHUNK), bytes.length * 2);
    }
  } catch (e) {
    if (e instanceof RangeError) throw e;
    return 'windows-1252';
  }
  return bom ? 'utf-8-bom' : 'utf-8';
}

function transcode(bytes: Uint8Array, encoding: TextEncodingName): Uint8Array {
  const label = encoding === 'windows-1252' ? 'windows-1252' : encoding;
  const start =
    encoding === 'utf-16le' || encoding === 'utf-16be' ? 2 : bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const decoder = new TextDecoder(label, { ignoreBOM: true });
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (let at = start; at < bytes.length; at += CHUNK) {
    const part = encoder.encode(
      decoder.decode(bytes.subarray(at, Math.min(bytes.length, at + CHUNK)), { stream: at + CHUNK < bytes.length }),
    );
    parts.push(part);
    size += part.length;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * True when every record is one physical line: no line break inside quotes, no lone CR, and no empty
 * or whitespace-only line before the last record.
 */
export function isRegular(bytes: Uint8Array, onProgress: FastProgress = () => {}): boolean {
  let inQuotes = false;
  let lineHasContent = false;
  let blankSeen = false;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0x22) {
      inQuotes = !inQuotes;
      lineHasContent = true;
    } else if (b === 0x0a || b === 0x0d) {
      if (inQuotes) return false;
      if (b === 0x0d && bytes[i + 1] !== 0x0a) return false;
      if (b === 0x0a) {
        if (!lineHasContent) blankSeen = true;
        lineHasContent = false;
      }
    } else if (b !== 0x20 && b !== 0x09) {
      if (!lineHasContent && blankSeen) return false;
      lineHasContent = true;
    }
    if ((i & 0x3fffff) === 0) onProgress(n + i, n * 2);
  }
  onProgress(n * 2, n * 2);
  return true;
}
