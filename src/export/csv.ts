import type { ChartSpec, ChartTable } from '../charts/spec.ts';
import { decimalsFor, roundHalfAway } from '../format/number.ts';
import { metadataRows } from './export-meta.ts';

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
  if (exp >= 0)
    return (
      sign +
      (digits.length <= exp + 1 ? digits + '0'.repeat(exp + 1 - digits.length) : `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`)
    );
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

/** Header and rows of one table as lines; `decimals` rounds numeric cells (as shown on screen), undefined keeps full precision. */
function tableLines(table: ChartTable, variant: CsvVariant, decimals?: number): string[] {
  const sep = CSV_FORMAT[variant].separator;
  const cell = (v: string | number | null) =>
    csvCell(typeof v === 'number' && decimals !== undefined ? roundHalfAway(v, decimals) : v, variant);
  return [csvHeaders(table).map((h) => csvCell(h, variant)), ...table.rows.map((r) => r.map(cell))].map((cells) => cells.join(sep));
}

/** The whole CSV file as text (the BOM, when the variant has one, is its first character). */
export function tableToCsv(table: ChartTable, variant: CsvVariant, decimals?: number): string {
  const f = CSV_FORMAT[variant];
  return (f.bom ? '\ufeff' : '') + tableLines(table, variant, decimals).join(f.eol) + f.eol;
}

/**
 * A chart's data file: metadata lines (label;value: title, KPI, kommun, group with members and
 * edition, period, sources, retrieval and export date), an empty line, the chart's table, and – when
 * the chart has a group – an empty line, "Medlemmarnas värden" and each member's value per year.
 * `excel-sv` rounds numbers to the KPI's display decimals (as on screen); `plain` keeps full precision.
 */
export function chartCsv(spec: ChartSpec, variant: CsvVariant, exported: string): string {
  const f = CSV_FORMAT[variant];
  const decimals = variant === 'excel-sv' ? (spec.meta?.decimals ?? decimalsFor(spec.table.unit)) : undefined;
  const lines: string[] = [];
  if (spec.meta) {
    for (const [label, value] of metadataRows(spec.meta, exported))
      lines.push([csvCell(label, variant), csvCell(value, variant)].join(f.separator));
    lines.push(
      csvCell(
        variant === 'excel-sv'
          ? `Värden avrundade som på skärmen (${decimals === 0 ? 'heltal' : decimals === 1 ? 'en decimal' : `${decimals} decimaler`}); CSV med komma och decimalpunkt har full precision.`
          : 'Värden med full precision.',
        variant,
      ),
    );
    lines.push('');
  }
  lines.push(...tableLines(spec.table, variant, decimals));
  if (spec.memberTable) {
    lines.push('', csvCell('Medlemmarnas värden', variant), ...tableLines(spec.memberTable, variant, decimals));
  }
  return (f.bom ? '\ufeff' : '') + lines.join(f.eol) + f.eol;
}
