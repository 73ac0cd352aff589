/**
 * Delimited text: which delimiter, which decimal separator, and the rows (with their file lines).
 * Parsing uses papaparse without dynamicTyping, so ids such as "0180" stay text.
 */
import Papa from 'papaparse';
import type { DecimalSeparator } from './parse-number.ts';

export type Delimiter = ',' | ';' | '\t';
export const DELIMITERS: readonly Delimiter[] = ['\t', ';', ','];
export const DELIMITER_LABELS: Record<Delimiter, string> = { ',': 'komma', ';': 'semikolon', '\t': 'tabb' };

/**
 * The delimiter whose count (outside quotes) is the same, and non-zero, on the first non-empty
 * lines; ties go to tab, then semicolon, then comma. Without a consistent one: the most frequent
 * on the header line; `,` for a single column.
 */
export function sniffDelimiter(text: string, sampleLines = 30): Delimiter {
  const lines = logicalLines(text, sampleLines);
  if (lines.length === 0) return ',';
  let best: Delimiter | null = null;
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    // The most common non-zero count, so title lines above the header do not decide.
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    const first = counts.find((c) => c > 0) ?? 0;
    const mode = [...freq].sort((a, b) => b[1] - a[1] || (a[0] === first ? -1 : b[0] === first ? 1 : b[0] - a[0]))[0]?.[0] ?? 0;
    if (mode === 0) continue;
    const same = counts.filter((c) => c === mode).length / counts.length;
    // Consistency first, then the number of columns it gives.
    const score = same * 1000 + Math.min(mode, 999) * 0.5;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best ?? ',';
}

/** Lines of text, joining quoted newlines, skipping empty ones; at most `max`. */
function logicalLines(text: string, max: number): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuotes = false;
  for (let i = 0; i < text.length && out.length < max; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    if (!inQuotes && (c === '\n' || c === '\r')) {
      if (cur.trim() !== '') out.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur.trim() !== '' && out.length < max) out.push(cur);
  return out;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let inQuotes = false;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === d) n++;
  }
  return n;
}

/**
 * The decimal separator of a file from its value cells: cells like `12,3` vote for comma, `12.3`
 * for point; `1,234`/`1.234` are ambiguous and do not vote; a cell with both votes for the last.
 * Without votes: point for comma-delimited files, comma otherwise (Swedish Excel).
 */
export function sniffDecimalSeparator(cells: Iterable<string>, delimiter: Delimiter = ','): DecimalSeparator {
  let comma = 0;
  let point = 0;
  let seen = 0;
  for (const raw of cells) {
    if (++seen > 5000) break;
    const s = String(raw)
      .trim()
      .replace(/[\s\u00a0\u202f%]/g, '')
      .replace(/^[-\u2212+]/, '');
    if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) continue;
    const c = s.lastIndexOf(',');
    const p = s.lastIndexOf('.');
    if (c >= 0 && p >= 0) {
      if (c > p) comma++;
      else point++;
    } else if (c >= 0) {
      if (!/^\d{1,3}(,\d{3})+$/.test(s) && /^\d*,\d+$/.test(s)) comma++;
    } else if (p >= 0) {
      if (!/^\d{1,3}(\.\d{3})+$/.test(s) && /^\d*\.\d+$/.test(s)) point++;
    }
  }
  if (comma > point) return ',';
  if (point > comma) return '.';
  return delimiter === ',' ? '.' : ',';
}

export interface CsvRows {
  /** Every non-empty record, cells trimmed. */
  rows: string[][];
  /** The 1-based file line each record starts on. */
  lines: number[];
  /** Problems papaparse reported (unclosed quotes …), in Swedish. */
  problems: { line: number; reason: string }[];
}

/** Text → rows with papaparse (no type conversion), with the file line each row starts on. */
export function parseCsvRows(text: string, delimiter: Delimiter): CsvRows {
  const rows: string[][] = [];
  const lines: number[] = [];
  const problems: { line: number; reason: string }[] = [];
  let line = 1;
  let scanned = 0; // text offset up to which newlines were counted into `line`
  let rowStart = 0;
  const advance = (to: number) => {
    for (let i = scanned; i < to && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
    scanned = Math.max(scanned, to);
  };
  try {
    Papa.parse<string[]>(text, {
      delimiter,
      header: false,
      dynamicTyping: false,
      skipEmptyLines: false,
      step: (result) => {
        advance(rowStart);
        // A row starts after leading newlines it skipped (e.g. "\r\n" left from a previous row).
        let start = rowStart;
        while (start < text.length && (text[start] === '\n' || text[start] === '\r')) start++;
        advance(start);
        const startLine = line;
        rowStart = result.meta.cursor;
        const cells = (result.data as unknown as string[]).map((c) => String(c ?? '').trim());
        for (const e of result.errors ?? []) {
          if (e.code === 'UndetectableDelimiter') continue;
          problems.push({ line: startLine, reason: papaError(e.code) });
        }
        if (cells.every((c) => c === '')) return;
        rows.push(cells);
        lines.push(startLine);
      },
    });
  } catch (e) {
    problems.push({ line, reason: `Filen kunde inte läsas som CSV (${String((e as Error)?.message ?? e).slice(0, 80)}).` });
  }
  return { rows, lines, problems };
}

function papaError(code: string): string {
  switch (code) {
    case 'MissingQuotes':
      return 'Ett citattecken (") öppnas men stängs aldrig.';
    case 'InvalidQuotes':
      return 'Felaktigt placerat citattecken (").';
    case 'TooFewFields':
    case 'TooManyFields':
      return 'Fel antal kolumner på raden.';
    default:
      return `CSV-fel (${code}).`;
  }
}
