/**
 * One file being imported: parse (parseImportFile), optionally re-map a wide table, then produce the
 * values CSV for the engine. Holds the full result and hands the page only a summary, so a
 * million-row file never has to cross from the parse worker to the page as objects.
 */
import type { Gender, ValueRow } from '../../data/contract.ts';
import { importTableRows, parseImportFile, type FileImportResult, type ImportContext } from '../parse/import-file.ts';
import type { TableMapping } from '../parse/column-mapping.ts';
import { createMunicipalityResolver } from '../parse/resolve-municipality.ts';
import type { ImportFormat, RejectedRow } from '../parse/validate-import.ts';
import type { TextEncodingName } from '../parse/decode-text.ts';
import type { Delimiter } from '../parse/sniff-csv.ts';
import { valuesCsvBytes, type KpiRename } from '../parse/values-csv.ts';

import { MAX_REJECTED_SHOWN, PREVIEW_ROWS } from '../limits.ts';

const HEAD_ROWS = 10;
const HEAD_COLUMNS = 30;

/** A new column mapping and/or the kommun for files without a kommun column. */
export interface RemapRequest {
  mapping?: TableMapping;
  municipality?: string;
}

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
  /** CSV files: the column mapping used, the file's first rows for the mapping editor, what it still lacks */
  table: { mapping: TableMapping; notes: string[]; head: string[][]; problem: string | null } | null;
  /** the first lines of a refused file */
  head?: string[][];
  /** checked by DuckDB (sql-long-csv.ts) rather than row by row in JS */
  fast?: boolean;
}

export class ImportSession {
  private result: FileImportResult;

  constructor(
    readonly fileName: string,
    private readonly bytes: Uint8Array,
    private ctx: ImportContext,
  ) {
    this.result = parseImportFile(fileName, bytes, ctx);
  }

  /** Re-reads the file with another column mapping and/or kommun (for files without a kommun column). */
  remap(change: RemapRequest): ImportSummary {
    const ctx: ImportContext = {
      ...this.ctx,
      defaults: { ...this.ctx.defaults, municipality: change.municipality ?? this.ctx.defaults?.municipality },
    };
    this.ctx = ctx;
    const table = this.result.table;
    if (!table) return this.summary();
    this.result = importTableRows(
      table.rows,
      table.lines,
      change.mapping ?? table.mapping,
      change.mapping ? [] : table.notes,
      this.fileName,
      { ...ctx, resolver: createMunicipalityResolver(ctx.municipalities) },
      { encoding: this.result.encoding, delimiter: this.result.delimiter, problems: [] },
    );
    return this.summary();
  }

  summary(): ImportSummary {
    const r = this.result;
    const byKpi = new Map<string, KpiInFile & { periodSet: Set<string>; muniSet: Set<string>; genderSet: Set<Gender> }>();
    for (const row of r.accepted) {
      let k = byKpi.get(row.kpi);
      if (!k)
        byKpi.set(
          row.kpi,
          (k = {
            id: row.kpi,
            rows: 0,
            withValue: 0,
            genders: [],
            periods: [],
            municipalities: 0,
            sum: 0,
            periodSet: new Set(),
            muniSet: new Set(),
            genderSet: new Set(),
          }),
        );
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
      kpis: [...byKpi.values()].map(({ periodSet, muniSet, genderSet, ...k }) => ({
        ...k,
        periods: [...periodSet].sort(),
        municipalities: muniSet.size,
        genders: [...genderSet].sort(),
      })),
      table: r.table
        ? {
            mapping: r.table.mapping,
            notes: r.table.notes,
            head: r.table.rows.slice(0, HEAD_ROWS).map((row) => row.slice(0, HEAD_COLUMNS)),
            problem: r.table.problem,
          }
        : null,
      ...(r.head ? { head: r.head.map((row) => row.slice(0, HEAD_COLUMNS)) } : {}),
    };
  }

  /** The accepted rows as contract values CSV, with KPI ids renamed as the user chose. */
  csv(rename: KpiRename): Uint8Array {
    return valuesCsvBytes(this.result.accepted, rename);
  }
}
