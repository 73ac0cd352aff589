import ExcelJS from 'exceljs';
import type { ChartTable } from '../charts/spec.ts';
import { decimalsFor } from '../format/number.ts';
import { csvHeaders } from './csv.ts';
import type { OfficeMeta } from './office-meta.ts';
import { stripXmlForbidden as xmlText } from './xml-text.ts';

/**
 * An Excel workbook for one chart's table: sheet "Tabell" holds the table exactly as the page has it
 * (whatever columns it has – one row per year or kommun, one column per series), numbers as
 * numbers with a number format of the decimals the page shows; sheet "Medlemmar" the members' own
 * values when the chart has them; sheet "Om data" says what it is.
 * Text is stored as text (shared strings), never as a formula, so "=…" in a name stays inert.
 */
export const DATA_SHEET = 'Tabell';
export const META_SHEET = 'Om data';
export const MEMBER_SHEET = 'Medlemmar';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel number format of a table column: counts and places whole, values with the KPI's decimals. */
export function columnNumberFormat(table: ChartTable, col: number): string {
  const decimals = /antal|plats/i.test(table.columns[col] ?? '') ? 0 : decimalsFor(table.unit);
  return decimals ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

const YEAR = /^\d{4}$/;

/** The cell value written for a table cell: finite numbers and plain years as numbers, the rest as text. */
export function sheetCell(v: string | number | null, col: number): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (col === 0 && YEAR.test(v)) return Number(v);
  return xmlText(v);
}

export function metaRows(meta: OfficeMeta, table: ChartTable): [string, string][] {
  const rows: [string, string][] = [
    ['Titel', meta.title],
    ['Beskrivning', meta.subtitle],
    ['Nyckeltal', meta.kpiId ?? ''],
    ['Definition', meta.definition],
    ['Enhet', meta.unit],
    ['Kommun', meta.kommun ?? ''],
    ['Jämförelsegrupp', meta.group ?? ''],
    ['Utgåva', meta.edition === null ? '' : String(meta.edition)],
    ['Tabell', table.caption],
    ...meta.sources.map((s, i): [string, string] => [i === 0 ? 'Källa' : '', s]),
    ['Data hämtad', meta.sample ? 'Exempeldata – inte officiell statistik' : (meta.retrieved ?? 'okänt datum')],
    ...(table.footnotes ?? []).map((n, i): [string, string] => [i === 0 ? 'Fotnoter' : '', n]),
    ['Exporterad', meta.created],
  ];
  return rows.filter(([label, value]) => value !== '' || label === '').map(([k, v]) => [k, xmlText(v)]);
}

function addTableSheet(wb: ExcelJS.Workbook, name: string, table: ChartTable): void {
  const data = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  data.addRow(csvHeaders(table).map(xmlText)).font = { bold: true };
  for (const r of table.rows) data.addRow(r.map((v, i) => sheetCell(v, i)));
  table.columns.forEach((c, i) => {
    const column = data.getColumn(i + 1);
    column.width = Math.min(40, Math.max(10, c.length + 4, ...table.rows.map((r) => String(r[i] ?? '').length + 2)));
    const numeric = table.rows.some((r) => typeof r[i] === 'number');
    // A column of codes ("0180") is text, so Excel keeps the leading zeros and never sums it.
    column.numFmt = i === 0 ? '0' : numeric ? columnNumberFormat(table, i) : '@';
    if (i > 0 && numeric) column.alignment = { horizontal: 'right' };
  });
}

export function buildWorkbook(table: ChartTable, meta: OfficeMeta, members: ChartTable | null = null): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jämför';
  wb.title = xmlText(meta.title);
  wb.created = new Date();

  addTableSheet(wb, DATA_SHEET, table);
  if (members) addTableSheet(wb, MEMBER_SHEET, members);

  const about = wb.addWorksheet(META_SHEET);
  about.getColumn(1).width = 18;
  about.getColumn(2).width = 90;
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  about.getColumn(1).alignment = { vertical: 'top' };
  about.getColumn(1).font = { bold: true };
  for (const row of metaRows(meta, table)) about.addRow(row);
  return wb;
}

/** The .xlsx file's bytes. */
export async function tableXlsx(table: ChartTable, meta: OfficeMeta, members: ChartTable | null = null): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = await buildWorkbook(table, meta, members).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
