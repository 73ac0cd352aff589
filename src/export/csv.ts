import type { ChartTable } from '../charts/spec.ts';

/**
 * CSV of the data behind a chart.
 *
 * - `excel-sv`: what Swedish Excel opens by double-click: UTF-8 with BOM, `;` between cells, decimal
 *   comma, CRLF line ends.
 * - `plain`: comma between cells, decimal point, no BOM (R, Python, international tools).
 *
 * Numbers are always written raw (shortest round-trip digits, never grouped, never exponent
 * notation, ASCII hyphen-minus – never U+2212), so parsing a cell back gives the identical double.
 *
 * Formula injection: the TYPE of the cell decides, not how it looks. A cell that is a finite JS
 * number in the spec's table is emitted as a number, so a negative value stays `-3,5` and Excel reads
 * it as a number (a number can't carry a formula). Every text cell that starts with `=`, `+`, `-`,
 * `@`, tab or CR gets a leading `'` so spreadsheet programs show it as text instead of evaluating it
 * (OWASP's rule); text that merely looks numeric ("-5" as a string) is neutralised too.
 */
export type CsvVariant = 'excel-sv' | 'plain';

export const CSV_FORMAT: Record<CsvVariant, { separator: string; decimal: string; bom: boolean; eol: string }> = {
  'excel-sv': { separator: ';', decimal: ',', bom: true, eol: '\r\n' },
  plain: { separator: ',', decimal: '.', bom: false, eol: '\r\n' },
};

const DANGEROUS_START = /^[=+\-@\t\r]/;

/** Prefixes text that a spreadsheet would evaluate as a formula. */
export function neutraliseText(text: string): string {
  return DANGEROUS_START.test(text) ? `'${text}` : text;
}

/** Plain decimal digits of a finite number, without exponent: 1e21 → "1000000000000000000000". */
export function rawNumber(v: number): string {
  const s = String(Object.is(v, -0) ? 0 : v);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, frac = '', expText] = m;
  const exp = Number(expText);
  const digits = lead + frac;
  if (exp >= 0) return sign + (digits.length <= exp + 1 ? digits + '0'.repeat(exp + 1 - digits.length) : `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`);
  return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
}

function quote(cell: string, separator: string): string {
  return cell.includes(separator) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function csvCell(v: string | number | null, variant: CsvVariant): string {
  const f = CSV_FORMAT[variant];
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? rawNumber(v).replace('.', f.decimal) : '';
  return quote(neutraliseText(v), f.separator);
}

/** Header row: the table's Swedish column names; the unit goes into numeric value columns' headers. */
export function csvHeaders(table: ChartTable): string[] {
  return table.columns.map((c, i) => {
    if (i === 0 || !table.unit || /antal|plats/i.test(c)) return c;
    const numeric = table.rows.some((r) => typeof r[i] === 'number');
    return numeric ? `${c} (${table.unit})` : c;
  });
}

/** The whole CSV file as text (the BOM, when the variant has one, is its first character). */
export function tableToCsv(table: ChartTable, variant: CsvVariant): string {
  const f = CSV_FORMAT[variant];
  const lines = [csvHeaders(table).map((h) => csvCell(h, variant)), ...table.rows.map((r) => r.map((v) => csvCell(v, variant)))].map((cells) => cells.join(f.separator));
  return (f.bom ? '\ufeff' : '') + lines.join(f.eol) + f.eol;
}
