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
  /** notes under the table, e.g. what a status marker means; a text cell in a number column is a marker */
  footnotes?: string[];
}

/** What an exported file says about itself; built by exportMetadata() in src/export/export-meta.ts. */
export interface ExportMeta {
  title: string;
  kpiId: string;
  unit: string;
  /** decimals the KPI is shown with on screen; the rounded exports use them */
  decimals: number;
  kommun: { id: string; name: string } | null;
  /** the comparison group with its definition; null for charts without one */
  group: { kind: string; label: string; description: string; edition: number | null; members: { id: string; name: string }[] } | null;
  /** period or periods the chart covers, e.g. "2011–2022" */
  periods: string;
  /** "totalt", "kvinnor", "män" for KPIs divided by gender */
  gender: string | null;
  sources: string[];
  retrieved: string | null;
  sample: boolean;
}

interface ChartBase {
  id: string;
  title: string;
  subtitle: string;
  unit: string;
  /** "Källa: Kolada (RKA), U31462, hämtad …" / "Egen bearbetning av data från Kolada" / sample note */
  sources: string[];
  /** one sentence generated from the data */
  summary: string;
  table: ChartTable;
  /** file-name stem for exports, ASCII only */
  fileStem: string;
  /** what an exported file states about itself (title, KPI, kommun, group, edition, sources); see src/export/export-meta.ts */
  meta?: ExportMeta;
  /** each member's own value per period (kommun first), for the table alternative and exports */
  memberTable?: ChartTable;
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
  /** fill overriding the role's, e.g. the Kolada-style quartile; the class names it for tests and styling */
  fill?: string;
  className?: string;
}

export interface RankChartSpec extends ChartBase {
  kind: 'rank';
  bars: BarDatum[];
  /** how many kommuner have no value (not drawn) */
  missing: number;
  /** legend text naming the peer group of the highlighted kommun */
  peerLabel?: string;
  /** when bars are filled by quartile (BarDatum.fill), the legend lists these instead of the roles */
  quartileLegend?: { id: string; label: string; fill: string }[];
}

export interface StackedBarSpec extends ChartBase {
  kind: 'stacked';
  xs: string[];
  categories: { id: string; label: string }[];
  /** values[xIndex][categoryIndex] as counts; drawn as shares of 100 % */
  values: (number | null)[][];
}

/**
 * Class of a kommun on the map: Kolada-style quartiles read through the KPI's direction
 * (best/middle/worst), or by value when no direction is better (neutral-*). The same values as
 * `QuartileClass` in panels/quartiles.ts, repeated here so charts import nothing from panels.
 */
export type MapClass = 'best' | 'middle' | 'worst' | 'neutral-high' | 'neutral-middle' | 'neutral-low' | 'missing';

export interface MapArea {
  /** municipality_id, matching the boundary file's ids */
  id: string;
  label: string;
  value: number | null;
  cls: MapClass;
  /** 'focus' the selected kommun, 'peer' a member of its group, 'other' the rest */
  role: 'focus' | 'peer' | 'other';
  /** Kolada status when the value is missing */
  note?: string;
}

export interface MapChartSpec extends ChartBase {
  kind: 'map';
  areas: MapArea[];
  /** legend in order, each class with its value range in words, e.g. "Bästa fjärdedelen (minst 85 %)" */
  classes: { cls: MapClass; label: string }[];
  /** legend text naming the outlined peer group */
  peerLabel?: string;
}

export type ChartSpec = LineChartSpec | RankChartSpec | StackedBarSpec | MapChartSpec;
