/**
 * "Bring your own data": one file's bytes → checked contract rows.
 *
 * parseImportFile decodes the bytes (decode-text.ts), then tries, in order:
 *  1. Kolada API JSON (the text starts with `{` or `[`, or the name ends in .json),
 *  2. long CSV (a header naming kommun, period and value columns),
 *  3. a wide table (detectWideLayout), returning the proposed mapping with the result for it;
 *     the UI can change the mapping and call importWideRows again.
 * Files larger than `maxBytes` (default MAX_IMPORT_BYTES, 200 MB) and Excel workbooks are refused
 * with a Swedish message. Pure and synchronous; never throws.
 */
import type { Gender, Kpi, Municipality } from '../../data/contract.ts';
import { decodeText, type TextEncodingName } from './decode-text.ts';
import { isOutOfMemory, OUT_OF_MEMORY_MESSAGE } from '../memory-errors.ts';
import { parseKoladaJson } from './parse-kolada-json.ts';
import { parseLongRows, type LongColumns } from './parse-long-csv.ts';
import { applyWideMapping, detectWideLayout, type WideMapping } from './parse-wide-table.ts';
import { createMunicipalityResolver, type MunicipalityResolver } from './resolve-municipality.ts';
import {
  applyTableMapping,
  detectTableMapping,
  mappingProblem,
  VALUE_ROLES,
  type ColumnRole,
  type TableMapping,
} from './column-mapping.ts';
import { parseCsvRows, sniffDecimalSeparator, sniffDelimiter, type Delimiter } from './sniff-csv.ts';
import type { DecimalSeparator } from './parse-number.ts';
import { validateCandidates, type ImportResult, type RejectedRow } from './validate-import.ts';

/** Largest file parseImportFile reads unless told otherwise: 200 MB. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export interface ImportContext {
  municipalities: readonly Pick<Municipality, 'id' | 'name'>[];
  kpis: readonly Pick<Kpi, 'id'>[];
  maxBytes?: number;
  /** For files without a KPI column (wide tables, some long files), a gender column or a kommun column. */
  defaults?: { kpi?: string; gender?: Gender; municipality?: string };
  /** The user's column mapping; replaces detection for CSV files. */
  mapping?: TableMapping;
}

/** A CSV file's rows and the column mapping its result was computed with, for the mapping editor. */
export interface TableImport {
  mapping: TableMapping;
  notes: string[];
  rows: string[][];
  lines: number[];
  /** series name when nothing in the file names one */
  kpi: string;
  /** what the mapping still lacks (e.g. a kommun), or null */
  problem: string | null;
}

export interface WideImport {
  /** The proposed (or given) mapping the result was computed with. */
  mapping: WideMapping;
  /** How the mapping was found, for the preview. */
  notes: string[];
  /** The file's rows and their lines, to re-run importWideRows with another mapping. */
  rows: string[][];
  lines: number[];
  decimal: DecimalSeparator;
  kpi: string;
}

export interface FileImportResult extends ImportResult {
  /** Set when the whole file could not be read; accepted and rejected are then empty. */
  refusal?: string;
  decimal?: DecimalSeparator;
  wide?: WideImport;
  table?: TableImport;
  /** the first lines of a refused file, to show what was read */
  head?: string[][];
}

function refuse(reason: string, encoding: TextEncodingName | null = null, delimiter: Delimiter | null = null): FileImportResult {
  return { accepted: [], rejected: [], warnings: [], encoding, delimiter, format: null, refusal: reason };
}

export function parseImportFile(name: string, bytes: Uint8Array, ctx: ImportContext): FileImportResult {
  try {
    return parseImportFileUnsafe(String(name ?? ''), bytes, ctx);
  } catch (e) {
    if (isOutOfMemory(e)) return refuse(OUT_OF_MEMORY_MESSAGE);
    // A bug of ours must not take the page down; say so plainly.
    return refuse(`Ett oväntat fel uppstod när filen lästes (${String((e as Error)?.message ?? e).slice(0, 120)}).`);
  }
}

function parseImportFileUnsafe(name: string, bytes: Uint8Array, ctx: ImportContext): FileImportResult {
  const maxBytes = ctx.maxBytes ?? MAX_IMPORT_BYTES;
  if (bytes.length > maxBytes) {
    return refuse(
      `Filen är ${megabytes(bytes.length)} MB; största tillåtna storlek är ${megabytes(maxBytes)} MB. Dela upp filen eller välj färre nyckeltal.`,
    );
  }
  if (bytes.length === 0) return refuse('Filen är tom.');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return refuse(
      'Filen ser ut att vara en Excel-arbetsbok (.xlsx). Spara den som CSV (Arkiv → Spara som → CSV UTF-8) och läs in den igen.',
    );
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return refuse('Filen ser ut att vara en äldre Excel-fil (.xls). Spara den som CSV och läs in den igen.');
  }
  const { text, encoding } = decodeText(bytes);
  if (text.includes('\u0000')) return refuse('Filen innehåller binära data och är inte en text- eller CSV-fil.', encoding);
  if (text.trim() === '') return refuse('Filen är tom.', encoding);

  const resolver = createMunicipalityResolver(ctx.municipalities);
  const trimmed = text.trimStart();
  if (/\.json$/i.test(name) || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = parseKoladaJson(text);
    if (!json.ok) return refuse(json.error, encoding);
    const result = validateCandidates(
      json.candidates,
      { municipalities: ctx.municipalities, kpis: ctx.kpis, decimal: '.', resolver },
      { encoding, delimiter: null, format: 'kolada-json' },
      {
        rejected: json.problems,
        warnings: [
          `Kolada-JSON (${json.version === 'unknown' ? 'okänd API-version' : `API ${json.version}`}); radnummer avser platsen i listan ”values”.`,
          ...json.warnings,
        ],
      },
    );
    return result;
  }

  const delimiter = sniffDelimiter(text);
  const csv = parseCsvRows(text, delimiter);
  if (csv.rows.length === 0) return refuse('Filen innehåller inga rader.', encoding, delimiter);
  const csvProblems: RejectedRow[] = csv.problems.map((p) => ({ line: p.line, reason: p.reason }));

  const resolverCtx = { ...ctx, resolver };
  const meta = { encoding, delimiter, problems: csvProblems };
  if (ctx.mapping) return importTableRows(csv.rows, csv.lines, ctx.mapping, [], name, resolverCtx, meta);

  let long = parseLongRows(csv.rows, csv.lines, delimiter, { kpi: ctx.defaults?.kpi });
  // No KPI column: read the values under a name from the file name; the user picks the destination.
  if (!long.ok && /kolumn för nyckeltal/.test(long.error))
    long = parseLongRows(csv.rows, csv.lines, delimiter, { kpi: kpiFromFileName(name) });
  if (long.ok) {
    const valueIndex = long.columns.value!;
    const decimal = sniffDecimalSeparator(sample(csv.rows, valueIndex), delimiter);
    const gender = ctx.defaults?.gender;
    const candidates = gender && long.columns.gender === undefined ? long.candidates.map((c) => ({ ...c, gender })) : long.candidates;
    const result = validateCandidates(
      candidates,
      { municipalities: ctx.municipalities, kpis: ctx.kpis, decimal, resolver },
      { encoding, delimiter, format: 'long-csv' },
      { rejected: csvProblems, warnings: long.warnings },
    );
    const mapping: TableMapping = { headerRow: 0, roles: csv.rows[0].map((_, i) => longRole(long.columns, i)) };
    return {
      ...result,
      decimal,
      table: tableImport(mapping, [], csv.rows, csv.lines, ctx.defaults?.kpi ?? long.candidates[0]?.kpi ?? kpiFromFileName(name), ctx),
    };
  }

  const detected = detectTableMapping(csv.rows, resolver);
  const layout = detectWideLayout(csv.rows, resolver);
  const generic = detected.mapping.roles;
  const named = generic.some((r) => r === 'breakdown' || r === 'value' || r === 'value-per-breakdown' || r === 'month');
  const noKommun = !generic.includes('municipality') && !generic.includes('value-per-municipality');
  const hasValues = VALUE_ROLES.some((r) => generic.includes(r));
  if (!layout.ok || (hasValues && (named || noKommun || detected.mapping.headerRow < layout.mapping.headerRow))) {
    if (!hasValues) {
      return {
        ...refuse(
          `${long.error} Ingen kolumn ser ut att innehålla tal. Kontrollera att filen är en tabell med en rubrikrad, eller spara om den som CSV från Excel.`,
          encoding,
          delimiter,
        ),
        head: csv.rows.slice(0, 8),
      };
    }
    return importTableRows(csv.rows, csv.lines, detected.mapping, detected.notes, name, resolverCtx, meta);
  }
  const kpi = ctx.defaults?.kpi ?? kpiFromFileName(name);
  const warnings = [...layout.notes];
  if (!ctx.defaults?.kpi && layout.mapping.kpiColumn === undefined) {
    warnings.push(`Filen anger inte vilket nyckeltal värdena gäller; ”${kpi}” (från filnamnet) används tills du väljer ett.`);
  }
  const wide = importWideRows(csv.rows, csv.lines, layout.mapping, { kpi, gender: ctx.defaults?.gender ?? 'T' }, resolverCtx, {
    encoding,
    delimiter,
    notes: layout.notes,
    warnings,
    problems: csvProblems,
  });
  return { ...wide, table: tableImport(wideToTable(layout.mapping, csv.rows), layout.notes, csv.rows, csv.lines, kpi, ctx) };
}

function longRole(columns: LongColumns, i: number): ColumnRole {
  const found = (Object.entries(columns) as [string, number][]).find(([, index]) => index === i)?.[0];
  if (found === 'quarter') return 'ignore';
  return (found as ColumnRole | undefined) ?? 'ignore';
}

function wideToTable(m: WideMapping, rows: readonly (readonly string[])[]): TableMapping {
  const width = Math.max(0, ...rows.slice(m.headerRow, m.headerRow + 60).map((r) => r.length));
  const roles: ColumnRole[] = Array.from({ length: width }, () => 'ignore');
  roles[m.keyColumn] = m.orientation === 'municipality-rows' ? 'municipality' : 'period';
  for (const c of m.valueColumns) roles[c.index] = m.orientation === 'municipality-rows' ? 'value-per-period' : 'value-per-municipality';
  if (m.genderColumn !== undefined) roles[m.genderColumn] = 'gender';
  if (m.kpiColumn !== undefined) roles[m.kpiColumn] = 'kpi';
  return { headerRow: m.headerRow, roles };
}

function tableImport(
  mapping: TableMapping,
  notes: string[],
  rows: string[][],
  lines: number[],
  kpi: string,
  ctx: ImportContext,
): TableImport {
  return { mapping, notes, rows, lines, kpi, problem: mappingProblem(mapping, { municipality: ctx.defaults?.municipality }) };
}

/** Rows with a (detected or user-edited) column mapping → the checked result. */
export function importTableRows(
  rows: string[][],
  lines: number[],
  mapping: TableMapping,
  notes: string[],
  fileName: string,
  ctx: ImportContext & { resolver?: MunicipalityResolver },
  meta: { encoding: TextEncodingName | null; delimiter: Delimiter | null; problems?: RejectedRow[] },
): FileImportResult {
  const kpi = ctx.defaults?.kpi ?? kpiFromFileName(fileName);
  const table = tableImport(mapping, notes, rows, lines, kpi, ctx);
  const valueCells: string[] = [];
  for (let r = mapping.headerRow + 1; r < rows.length && valueCells.length < 5000; r++) {
    mapping.roles.forEach((role, c) => VALUE_ROLES.includes(role) && valueCells.push(rows[r][c] ?? ''));
  }
  const decimal = sniffDecimalSeparator(valueCells, meta.delimiter ?? ';');
  if (table.problem) {
    return {
      accepted: [],
      rejected: [...(meta.problems ?? [])],
      warnings: [],
      encoding: meta.encoding,
      delimiter: meta.delimiter,
      format: 'table',
      decimal,
      table,
    };
  }
  const { candidates, problems } = applyTableMapping(rows, lines, mapping, { municipality: ctx.defaults?.municipality, kpi });
  const hasKpiColumn = mapping.roles.includes('kpi');
  const result = validateCandidates(
    candidates,
    { municipalities: ctx.municipalities, kpis: hasKpiColumn ? ctx.kpis : [], decimal, resolver: ctx.resolver },
    { encoding: meta.encoding, delimiter: meta.delimiter, format: 'table' },
    { rejected: [...(meta.problems ?? []), ...problems], warnings: [] },
  );
  return { ...result, decimal, table };
}

/** Wide rows with a (possibly user-edited) mapping → the checked result. */
export function importWideRows(
  rows: string[][],
  lines: number[],
  mapping: WideMapping,
  options: { kpi: string; gender?: Gender },
  ctx: ImportContext & { resolver?: MunicipalityResolver },
  meta: { encoding: TextEncodingName | null; delimiter: Delimiter | null; notes?: string[]; warnings?: string[]; problems?: RejectedRow[] },
): FileImportResult {
  const valueCells: string[] = [];
  for (let r = mapping.headerRow + 1; r < rows.length && valueCells.length < 5000; r++) {
    for (const c of mapping.valueColumns) valueCells.push(rows[r][c.index] ?? '');
  }
  const decimal = sniffDecimalSeparator(valueCells, meta.delimiter ?? ';');
  const candidates = applyWideMapping(rows, mapping, options, lines);
  const result = validateCandidates(
    candidates,
    { municipalities: ctx.municipalities, kpis: ctx.kpis, decimal, resolver: ctx.resolver },
    { encoding: meta.encoding, delimiter: meta.delimiter, format: 'wide-table' },
    { rejected: meta.problems ?? [], warnings: meta.warnings ?? [] },
  );
  return {
    ...result,
    decimal,
    wide: { mapping, notes: meta.notes ?? [], rows, lines, decimal, kpi: options.kpi },
  };
}

/** "sjukfranvaro 2023.csv" → "sjukfranvaro_2023": a placeholder KPI id until the user picks one. */
export function kpiFromFileName(name: string): string {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const id = base
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return id || 'egen_serie';
}

function sample(rows: readonly (readonly string[])[], column: number): string[] {
  const out: string[] = [];
  for (let i = 1; i < rows.length && out.length < 5000; i++) out.push(rows[i][column] ?? '');
  return out;
}

function megabytes(n: number): string {
  return (n / (1024 * 1024)).toLocaleString('sv-SE', { maximumFractionDigits: 1 });
}
