/**
 * One file being imported: parse (parseImportFile), optionally re-map a wide table, then produce the
 * values CSV for the engine. Holds the full result and hands the page only a summary, so a
 * million-row file never has to cross from the parse worker to the page as objects.
 */
import type { Gender, ValueRow } from '../../data/contract.ts';
import { importWideRows, parseImportFile, type FileImportResult, type ImportContext } from '../parse/import-file.ts';
import type { WideMapping } from '../parse/parse-wide-table.ts';
import { createMunicipalityResolver } from '../parse/resolve-municipality.ts';
import type { ImportFormat, RejectedRow } from '../parse/validate-import.ts';
import type { TextEncodingName } from '../parse/decode-text.ts';
import type { Delimiter } from '../parse/sniff-csv.ts';
import { valuesCsvBytes } from '../parse/values-csv.ts';

/** Rejections and preview rows sent to the page; the counts are always complete. */
export const MAX_REJECTED_SHOWN = 1000;
export const PREVIEW_ROWS = 12;

export interface KpiInFile {
  id: string;
  rows: number;
  withValue: number;
  genders: Gender[];
  periods: string[];
  municipalities: number;
  /** sum of values, for checks and the preview */
  sum: number;
}

export interface ImportSummary {
  fileName: string;
  bytes: number;
  refusal: string | null;
  format: ImportFormat | null;
  encoding: TextEncodingName | null;
  delimiter: Delimiter | null;
  decimal: string | null;
  accepted: number;
  rejectedCount: number;
  rejected: RejectedRow[];
  warnings: string[];
  preview: ValueRow[];
  kpis: KpiInFile[];
  /** wide tables: the mapping used and the first rows of the file for the mapping preview */
  wide: { mapping: WideMapping; notes: string[]; head: string[][]; kpi: string } | null;
  /** checked by DuckDB (sql-long-csv.ts) rather than row by row in JS */
  fast?: boolean;
}

export class ImportSession {
  private result: FileImportResult;

  constructor(
    readonly fileName: string,
    private readonly bytes: Uint8Array,
    private readonly ctx: ImportContext,
  ) {
    this.result = parseImportFile(fileName, bytes, ctx);
  }

  /** Re-applies a changed wide-table mapping (orientation, header row, key column, KPI id). */
  remap(change: { orientation: WideMapping['orientation']; headerRow: number; keyColumn: number; kpi: string; gender?: Gender }): ImportSummary {
    const wide = this.result.wide;
    if (!wide) return this.summary();
    const header = wide.rows[change.headerRow] ?? [];
    const skip = new Set([change.keyColumn, wide.mapping.genderColumn, wide.mapping.kpiColumn].filter((x): x is number => x !== undefined));
    const mapping: WideMapping = {
      ...wide.mapping,
      orientation: change.orientation,
      headerRow: change.headerRow,
      keyColumn: change.keyColumn,
      valueColumns: header.map((h, index) => ({ index, header: String(h ?? '').trim() })).filter((c) => c.header !== '' && !skip.has(c.index)),
    };
    this.result = importWideRows(
      wide.rows, wide.lines, mapping, { kpi: change.kpi || wide.kpi, gender: change.gender ?? 'T' },
      { ...this.ctx, resolver: createMunicipalityResolver(this.ctx.municipalities) },
      { encoding: this.result.encoding, delimiter: this.result.delimiter, notes: wide.notes, warnings: [], problems: [] },
    );
    return this.summary();
  }

  summary(): ImportSummary {
    const r = this.result;
    const byKpi = new Map<string, KpiInFile & { periodSet: Set<string>; muniSet: Set<string>; genderSet: Set<Gender> }>();
    for (const row of r.accepted) {
      let k = byKpi.get(row.kpi);
      if (!k) byKpi.set(row.kpi, (k = { id: row.kpi, rows: 0, withValue: 0, genders: [], periods: [], municipalities: 0, sum: 0, periodSet: new Set(), muniSet: new Set(), genderSet: new Set() }));
      k.rows++;
      if (row.value !== null) {
        k.withValue++;
        k.sum += row.value;
      }
      k.periodSet.add(row.period);
      k.muniSet.add(row.municipality_id);
      k.genderSet.add(row.gender);
    }
    return {
      fileName: this.fileName,
      bytes: this.bytes.length,
      refusal: r.refusal ?? null,
      format: r.format,
      encoding: r.encoding,
      delimiter: r.delimiter,
      decimal: r.decimal ?? null,
      accepted: r.accepted.length,
      rejectedCount: r.rejected.length,
      rejected: r.rejected.slice(0, MAX_REJECTED_SHOWN),
      warnings: r.warnings,
      preview: r.accepted.slice(0, PREVIEW_ROWS),
      kpis: [...byKpi.values()].map(({ periodSet, muniSet, genderSet, ...k }) => ({ ...k, periods: [...periodSet].sort(), municipalities: muniSet.size, genders: [...genderSet].sort() })),
      wide: r.wide ? { mapping: r.wide.mapping, notes: r.wide.notes, head: r.wide.rows.slice(0, 8).map((row) => row.slice(0, 16)), kpi: r.wide.kpi } : null,
    };
  }

  /** The accepted rows as contract values CSV, with KPI ids renamed as the user chose. */
  csv(rename: Record<string, string>): Uint8Array {
    return valuesCsvBytes(this.result.accepted, rename);
  }
}
