import PptxGenJS from 'pptxgenjs';
import { unzipSync, zipSync, strFromU8, strToU8, type Zippable } from 'fflate';
import type { ChartSpec, LineChartSpec, RankChartSpec, StackedBarSpec } from '../charts/spec.ts';
import { BAR_FILL, CATEGORY_FILLS, ROLE_STYLE } from '../charts/palette.ts';
import { decimalsFor, formatPeriod } from '../format/number.ts';
import { altText } from './alt-text.ts';
import { stripXmlForbidden as xmlText } from './xml-text.ts';
import { coverText, type ReportCover } from './office-meta.ts';

/**
 * A PowerPoint deck: for a kommun a title slide (kommun, group and edition, source, date), then one
 * 16:9 slide per chart: the title on top, a native PowerPoint chart (line,
 * bar, stacked bar – editable, its data in an embedded workbook) or, for any other kind, the chart
 * image; the source lines in the footer and the generated summary in the speaker notes.
 */
export interface SlideImage {
  png: Uint8Array;
  size: { width: number; height: number };
}

type Deck = InstanceType<typeof PptxGenJS>;
type Slide = ReturnType<Deck['addSlide']>;
type ChartData = { name: string; labels: string[]; values: (number | null)[] };
interface NativeChart {
  type: 'line' | 'bar';
  data: ChartData[];
  options: Record<string, unknown>;
}

export const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

// LAYOUT_16x9 is 10 × 5.625 inches.
const MARGIN = 0.4;
const WIDTH = 10 - 2 * MARGIN;
const BODY = { x: MARGIN, y: 1.25, w: WIDTH, h: 3.5 };
const hex = (c: string) => c.replace('#', '').toUpperCase();
const clean = (s: string) => xmlText(s);

function valueFormat(unit: string): string {
  return decimalsFor(unit) ? '#,##0.0' : '#,##0';
}

function lineChart(spec: LineChartSpec): NativeChart {
  const labels = spec.xs.map((x, i) => clean(spec.xLabels?.[i] ?? formatPeriod(x, true)));
  return {
    type: 'line',
    data: spec.series.map((s) => ({
      name: clean(s.label),
      labels,
      values: spec.xs.map((x) => s.points.find((p) => p.x === x)?.y ?? null),
    })),
    options: {
      chartColors: spec.series.map((s) => hex(ROLE_STYLE[s.role].stroke)),
      lineSize: 2,
      lineDataSymbol: 'circle',
      lineDataSymbolSize: 6,
      displayBlanksAs: 'gap',
      showLegend: true,
      legendPos: 'b',
      legendFontSize: 11,
      valAxisLabelFormatCode: valueFormat(spec.unit),
      ...(spec.unit ? { showValAxisTitle: true, valAxisTitle: clean(spec.unit), valAxisTitleFontSize: 11 } : {}),
    },
  };
}

function rankChart(spec: RankChartSpec): NativeChart {
  const bars = spec.bars.filter((b) => b.value !== null).sort((a, b) => (b.value as number) - (a.value as number));
  return {
    type: 'bar',
    data: [{ name: clean(spec.unit || spec.title), labels: bars.map((b) => clean(b.label)), values: bars.map((b) => b.value) }],
    options: {
      barDir: 'col',
      barGapWidthPct: 20,
      chartColors: bars.map((b) => hex(BAR_FILL[b.role])),
      showLegend: false,
      catAxisLabelFontSize: bars.length > 40 ? 5 : 10,
      valAxisLabelFormatCode: valueFormat(spec.unit),
    },
  };
}

function stackedChart(spec: StackedBarSpec): NativeChart {
  const labels = spec.xs.map((x) => clean(formatPeriod(x)));
  return {
    type: 'bar',
    data: spec.categories.map((c, ci) => ({ name: clean(c.label), labels, values: spec.values.map((row) => row[ci] ?? null) })),
    options: {
      barDir: 'col',
      barGrouping: 'percentStacked',
      chartColors: spec.categories.map((_, i) => hex(CATEGORY_FILLS[i % CATEGORY_FILLS.length])),
      showLegend: true,
      legendPos: 'b',
      valAxisLabelFormatCode: '0%',
    },
  };
}

/** The native chart for a spec, or null when PowerPoint has no chart of that kind (an image is used). */
export function nativeChart(spec: ChartSpec): NativeChart | null {
  switch (spec.kind) {
    case 'line':
      return lineChart(spec);
    case 'rank':
      return rankChart(spec);
    case 'stacked':
      return stackedChart(spec);
    default:
      return null;
  }
}

function addFrame(slide: Slide, spec: ChartSpec): void {
  // Kolada titles run to two lines: the title box holds two at 20 pt.
  slide.addText(clean(spec.title), {
    x: MARGIN,
    y: 0.15,
    w: WIDTH,
    h: 0.75,
    fontSize: 20,
    bold: true,
    fontFace: 'Calibri',
    color: '1A1A1A',
    valign: 'top',
    margin: 0,
  });
  if (spec.subtitle)
    slide.addText(clean(spec.subtitle), {
      x: MARGIN,
      y: 0.9,
      w: WIDTH,
      h: 0.3,
      fontSize: 12,
      fontFace: 'Calibri',
      color: '555555',
      valign: 'top',
      margin: 0,
    });
  slide.addText(clean(spec.sources.join('\n')), {
    x: MARGIN,
    y: 4.85,
    w: WIDTH,
    h: 0.65,
    fontSize: 9,
    fontFace: 'Calibri',
    color: '555555',
    valign: 'bottom',
    margin: 0,
  });
  slide.addNotes(clean(spec.summary));
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Fits an image of the given aspect into the slide body, centred. */
function fitted(size: { width: number; height: number }) {
  const k = Math.min(BODY.w / size.width, BODY.h / size.height);
  const w = size.width * k;
  const h = size.height * k;
  return { x: BODY.x + (BODY.w - w) / 2, y: BODY.y + (BODY.h - h) / 2, w, h };
}

function addCover(deck: Deck, cover: ReportCover): void {
  const { title, lines } = coverText(cover);
  const slide = deck.addSlide();
  slide.addText(clean(title), {
    x: MARGIN,
    y: 1.2,
    w: WIDTH,
    h: 0.9,
    fontSize: 32,
    bold: true,
    fontFace: 'Calibri',
    color: '1A1A1A',
    margin: 0,
  });
  slide.addText(clean(lines.join('\n')), {
    x: MARGIN,
    y: 2.3,
    w: WIDTH,
    h: 2.6,
    fontSize: 16,
    fontFace: 'Calibri',
    color: '333333',
    valign: 'top',
    margin: 0,
    paraSpaceAfter: 6,
  });
}

export async function buildDeck(
  specs: ChartSpec[],
  image: (spec: ChartSpec) => Promise<SlideImage>,
  cover: ReportCover | null = null,
): Promise<Deck> {
  const deck = new PptxGenJS();
  deck.layout = 'LAYOUT_16x9';
  deck.author = 'Jämför';
  deck.title = clean(cover ? coverText(cover).title : specs[0]?.title || 'Jämför');
  if (cover) addCover(deck, cover);
  for (const spec of specs) {
    const slide = deck.addSlide();
    addFrame(slide, spec);
    const chart = nativeChart(spec);
    if (chart) {
      slide.addChart(
        chart.type === 'line' ? deck.ChartType.line : deck.ChartType.bar,
        chart.data as never,
        { ...BODY, ...chart.options, altText: clean(altText(spec)), lang: 'sv-SE' } as never,
      );
    } else {
      const img = await image(spec);
      slide.addImage({ data: `data:image/png;base64,${toBase64(img.png)}`, ...fitted(img.size), altText: clean(altText(spec)) });
    }
  }
  return deck;
}

function rezip(parts: Record<string, Uint8Array>, edit: (name: string, data: Uint8Array) => Uint8Array): Uint8Array {
  const out: Zippable = {};
  for (const [name, data] of Object.entries(parts)) out[name] = [edit(name, data), { level: /\.(png|xlsx)$/.test(name) ? 0 : 6 }];
  return zipSync(out);
}

/**
 * pptxgenjs writes a missing value as an empty point (`<c:v></c:v>`) in the chart and an empty
 * `<v></v>` in the embedded workbook, which PowerPoint may read as 0 once the data is edited. A
 * missing value is never 0: both become absent points/cells, which charts draw as gaps.
 */
export function dropEmptyPoints(pptx: Uint8Array): Uint8Array {
  const fixSheet = (xml: string) => xml.replace(/<c r="([A-Z]+\d+)"( s="\d+")?><v><\/v><\/c>/g, '<c r="$1"$2/>');
  return rezip(unzipSync(pptx), (name, data) => {
    if (/^ppt\/charts\/chart\d+\.xml$/.test(name)) return strToU8(strFromU8(data).replace(/<c:pt idx="\d+"><c:v><\/c:v><\/c:pt>/g, ''));
    if (/^ppt\/embeddings\/.+\.xlsx$/.test(name))
      return rezip(unzipSync(data), (n, d) => (/^xl\/worksheets\/sheet\d+\.xml$/.test(n) ? strToU8(fixSheet(strFromU8(d))) : d));
    return data;
  });
}

/** The .pptx file's bytes; with a cover, a title slide comes first. */
export async function chartsPptx(
  specs: ChartSpec[],
  image: (spec: ChartSpec) => Promise<SlideImage>,
  cover: ReportCover | null = null,
): Promise<Uint8Array<ArrayBuffer>> {
  const deck = await buildDeck(specs, image, cover);
  const out = (await deck.write({ outputType: 'uint8array' })) as Uint8Array;
  return new Uint8Array(dropEmptyPoints(out));
}
