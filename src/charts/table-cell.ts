import type { ChartTable } from './spec.ts';
import { decimalsFor, formatNumber } from '../format/number.ts';

/** A table cell as text: sv-SE numbers (counts and places without decimals), "–" for missing, markers as given. */
export function formatCell(table: ChartTable, v: string | number | null, col: number): string {
  if (v === null) return '–';
  if (typeof v === 'number')
    return formatNumber(v, /antal|plats/i.test(table.columns[col]) ? 0 : (table.decimals ?? decimalsFor(table.unit)));
  return v;
}
