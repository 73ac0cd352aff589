/**
 * Målvärden as the data contract's `targets.csv`: written for download, read back from a file (the
 * CSV reader stays off the first page; only "Egna data" loads this module).
 */
import type { Target } from '../../data/contract.ts';
import { csvLine } from '../../data/csv-format.ts';
import { parseCsvRows, sniffDelimiter } from '../parse/sniff-csv.ts';
import { parseNumber } from '../parse/parse-number.ts';
import { decodeText } from '../parse/decode-text.ts';
import { collapseTargets, expandTargets, targetProblem, type UserTarget } from './user-targets.ts';

export const TARGETS_CSV_HEADER = ['municipality_id', 'kpi', 'period', 'target', 'comparison', 'source_text'] as const;

/** The contract's targets.csv (UTF-8, comma, point decimals). */
export function targetsCsv(list: readonly UserTarget[]): string {
  return (
    [
      csvLine(TARGETS_CSV_HEADER),
      ...expandTargets(list).map((t) => csvLine([t.municipality_id, t.kpi, t.period, t.target, t.comparison, t.source_text])),
    ].join('\n') + '\n'
  );
}

export interface TargetsCsvResult {
  targets: UserTarget[];
  problems: { line: number; reason: string }[];
}

/** Reads a targets.csv (the contract's columns; comma or semicolon; decimal point or comma). All or nothing is up to the caller. */
export function parseTargetsCsv(bytes: Uint8Array, known?: { municipalities: ReadonlySet<string> }): TargetsCsvResult {
  const { text } = decodeText(bytes);
  const delimiter = sniffDelimiter(text);
  const { rows, lines } = parseCsvRows(text, delimiter);
  const header = (rows[0] ?? []).map((h) =>
    h
      .replace(/^\ufeff/, '')
      .trim()
      .toLowerCase(),
  );
  const col = new Map(header.map((h, i) => [h, i]));
  const missing = TARGETS_CSV_HEADER.filter((h) => h !== 'source_text' && !col.has(h));
  if (missing.length)
    return {
      targets: [],
      problems: [
        { line: 1, reason: `Rubrikraden saknar ${missing.join(', ')}. En målvärdesfil har kolumnerna ${TARGETS_CSV_HEADER.join(',')}.` },
      ],
    };
  const rowsOut: Target[] = [];
  const problems: TargetsCsvResult['problems'] = [];
  for (let i = 1; i < rows.length; i++) {
    const cell = (h: string) => String(rows[i][col.get(h) ?? -1] ?? '').trim();
    if (rows[i].every((c) => c.trim() === '')) continue;
    const n = parseNumber(cell('target'), delimiter === ';' ? ',' : '.');
    const cmp = cell('comparison').replace('≥', '>=').replace('≤', '<=');
    const t: UserTarget = {
      municipality_id: cell('municipality_id').padStart(4, '0'),
      kpi: cell('kpi'),
      target: n.ok && n.value !== null ? n.value : NaN,
      comparison: cmp as UserTarget['comparison'],
      from: cell('period'),
      to: cell('period'),
      source_text: cell('source_text'),
    };
    const problem = targetProblem(t, known);
    if (problem) problems.push({ line: lines[i] ?? i + 1, reason: problem });
    else
      rowsOut.push({
        municipality_id: t.municipality_id,
        kpi: t.kpi,
        period: t.from,
        target: t.target,
        comparison: t.comparison,
        source_text: t.source_text,
      });
  }
  return { targets: collapseTargets(rowsOut), problems };
}
