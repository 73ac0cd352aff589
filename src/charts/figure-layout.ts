import type { ChartSpec } from './spec.ts';

/** Font sizes and spacing of the standalone figure (screen, SVG and PNG exports share them). */
export const FIG = {
  pad: 16,
  titleSize: 17,
  subtitleSize: 13,
  textSize: 12.5,
  sourceSize: 11.5,
  lineGap: 1.3,
  legendRow: 20,
  plotHeight: 250,
};

/** Greedy word wrap using an average glyph width (0.52 em for Source Sans 3); deterministic for tests. */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const maxChars = Math.max(8, Math.floor(maxWidth / (fontSize * 0.52)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!line) line = word;
    else if ((line + ' ' + word).length <= maxChars) line += ' ' + word;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.52;
}

export interface LegendItem {
  id: string;
  label: string;
  kind: 'line' | 'band' | 'rule' | 'swatch' | 'outline';
  role?: string;
  fill?: string;
  /** outline items: the line width of the outline */
  strokeWidth?: number;
}

export interface FigureLayout {
  width: number;
  height: number;
  titleLines: string[];
  subtitleLines: string[];
  legendRows: { item: LegendItem; x: number; y: number }[];
  plot: { x: number; y: number; width: number; height: number };
  sourceLines: string[];
  sourceY: number;
}

/** Lays out title, subtitle, legend, plot and source lines top to bottom for a given width. */
export function figureLayout(
  spec: ChartSpec,
  width: number,
  legend: LegendItem[],
  plotHeight = FIG.plotHeight,
  margin = { left: 56, right: 16 },
): FigureLayout {
  const inner = width - 2 * FIG.pad;
  const titleLines = wrapText(spec.title, inner, FIG.titleSize);
  const subtitleLines = spec.subtitle ? wrapText(spec.subtitle, inner, FIG.subtitleSize) : [];
  let y = FIG.pad + FIG.titleSize;
  y += (titleLines.length - 1) * FIG.titleSize * FIG.lineGap;
  if (subtitleLines.length) y += 6 + subtitleLines.length * FIG.subtitleSize * FIG.lineGap;
  y += FIG.textSize + 12;

  const legendRows: FigureLayout['legendRows'] = [];
  let lx = FIG.pad;
  let ly = y;
  for (const item of legend) {
    const w = 34 + textWidth(item.label, FIG.textSize) + 18;
    if (lx > FIG.pad && lx + w > width - FIG.pad) {
      lx = FIG.pad;
      ly += FIG.legendRow;
    }
    legendRows.push({ item, x: lx, y: ly });
    lx += w;
  }
  y = legend.length ? ly + FIG.legendRow + 4 : y;

  const plot = {
    x: FIG.pad + margin.left,
    y: y + 8,
    width: Math.max(120, width - 2 * FIG.pad - margin.left - margin.right),
    height: plotHeight,
  };
  y = plot.y + plot.height + 34;
  const sourceLines = spec.sources.flatMap((s) => wrapText(s, inner, FIG.sourceSize));
  const sourceY = y + FIG.sourceSize;
  const height = Math.ceil(sourceY + (sourceLines.length - 1) * FIG.sourceSize * FIG.lineGap + FIG.pad);
  return { width, height, titleLines, subtitleLines, legendRows, plot, sourceLines, sourceY };
}
