/**
 * The one chart contract every chart component takes (as Observable Plot has one): everything a
 * chart shows, including the texts an exported image must carry, is in the spec; components only draw.
 */
export type SeriesRole = 'focus' | 'group' | 'median' | 'riket' | 'all' | 'other' | 'previous';

export interface SeriesPoint {
  x: string;
  y: number | null;
  status?: string | null;
}

export interface LineSeries {
  id: string;
  label: string;
  /** direct label at the line's end; defaults to label */
  short?: string;
  role: SeriesRole;
  points: SeriesPoint[];
}

export interface BandPoint {
  x: string;
  lo: number;
  hi: number;
}

export interface ChartTable {
  caption: string;
  columns: string[];
  /** raw cells; numbers formatted by the renderer (sv-SE) or written raw by CSV export */
  rows: (string | number | null)[][];
  /** unit of the numeric columns, for formatting */
  unit: string;
  /** decimals to show (default decimalsFor(unit)); e.g. a file's own 9,98 stays 9,98 */
  decimals?: number;
  /** notes under the table, e.g. what a status marker means; a text cell in a number column is a marker */
  footnotes?: string[];
}

interface ChartBase {
  id: string;
  title: string;
  subtitle: string;
  unit: string;
  /** decimals to show in labels (default decimalsFor(unit)) */
  decimals?: number;
  /** "Källa: Kolada (RKA), U31462, hämtad …" / "Egen bearbetning av data från Kolada" / sample note */
  sources: string[];
  /** one sentence generated from the data */
  summary: string;
  table: ChartTable;
  /** file-name stem for exports, ASCII only */
  fileStem: string;
}

export interface LineChartSpec extends ChartBase {
  kind: 'line';
  /** all x values in order (years, months …) */
  xs: string[];
  /** labels for xs (e.g. month names) */
  xLabels?: string[];
  series: LineSeries[];
  band?: { label: string; points: BandPoint[] };
  target?: { value: number; comparison: '>=' | '<='; label: string };
}

export interface BarDatum {
  id: string;
  label: string;
  value: number | null;
  /** 'focus' the selected kommun, 'peer' a group member, 'other' the rest */
  role: 'focus' | 'peer' | 'other';
  note?: string;
}

export interface RankChartSpec extends ChartBase {
  kind: 'rank';
  bars: BarDatum[];
  /** how many kommuner have no value (not drawn) */
  missing: number;
  /** legend text naming the peer group of the highlighted kommun */
  peerLabel?: string;
}

export interface StackedBarSpec extends ChartBase {
  kind: 'stacked';
  xs: string[];
  categories: { id: string; label: string }[];
  /** values[xIndex][categoryIndex] as counts; drawn as shares of 100 % */
  values: (number | null)[][];
}

export type ChartSpec = LineChartSpec | RankChartSpec | StackedBarSpec;
