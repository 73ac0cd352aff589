import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ChartSpec, ChartTable } from '../charts/spec.ts';
import { coverText, memberTableOf, type ReportCover } from './office-meta.ts';

export type { ReportCover };
import { formatCell } from '../charts/table-cell.ts';
import { altText } from './alt-text.ts';
import { stripXmlForbidden as xmlText } from './xml-text.ts';

/**
 * A Word document for a kommun with the content of the Rapport view: a title page (kommun, group and
 * edition, data source, date), then per chart its heading, generated summary, the image at print
 * resolution with alt text, the table and the source lines. Images come in as PNG bytes, so the
 * builder runs the same in the browser and in tests.
 */

export interface DocumentChart {
  spec: ChartSpec;
  png: Uint8Array;
  /** pixel size of the PNG */
  size: { width: number; height: number };
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Printed width of a chart in the document (A4 text width 16 cm) in Word's 96-dpi pixels. */
export const IMAGE_WIDTH_PX = Math.round((16 / 2.54) * 96);

const t = (text: string, opts: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {}) =>
  new TextRun({ text: xmlText(text), ...opts });
const para = (text: string, opts: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {}, spacingAfter = 120) =>
  new Paragraph({ children: [t(text, opts)], spacing: { after: spacingAfter } });

function coverPage(cover: ReportCover): Paragraph[] {
  const { title, lines } = coverText(cover);
  return [
    new Paragraph({ children: [t(title)], heading: HeadingLevel.TITLE, spacing: { before: 2400, after: 480 } }),
    ...lines.map((line, i) => para(line, { size: i === 0 ? 28 : 24, ...(i === lines.length - 1 ? { color: '555555' } : {}) })),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

function cell(text: string, opts: { header?: boolean; numeric?: boolean; size: number }): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        children: [t(text, { bold: opts.header, size: opts.size })],
        alignment: opts.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
      }),
    ],
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

export function chartTable(table: ChartTable): Table {
  const numeric = table.columns.map((_, i) => i > 0 && table.rows.some((r) => typeof r[i] === 'number'));
  // half-points: 9 pt, or 8 pt when many columns share the 16 cm text width
  const size = table.columns.length > 7 ? 16 : 18;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: table.columns.map((c, i) => cell(c, { header: true, numeric: numeric[i], size })) }),
      ...table.rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((v, i) => cell(formatCell(table, v, i), { header: i === 0, numeric: numeric[i], size })),
          }),
      ),
    ],
  });
}

function chartSection(chart: DocumentChart, index: number): (Paragraph | Table)[] {
  const { spec } = chart;
  const height = Math.round((IMAGE_WIDTH_PX * chart.size.height) / chart.size.width);
  const alt = xmlText(altText(spec));
  return [
    new Paragraph({ children: [t(spec.title)], heading: HeadingLevel.HEADING_1, pageBreakBefore: index > 0, keepNext: true }),
    ...(spec.subtitle ? [para(spec.subtitle, { italics: true })] : []),
    para(spec.summary),
    new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: chart.png,
          transformation: { width: IMAGE_WIDTH_PX, height },
          altText: { name: xmlText(spec.fileStem), title: xmlText(spec.title), description: alt },
        }),
      ],
      spacing: { after: 120 },
      keepNext: true,
    }),
    new Paragraph({
      children: [t(`Tabell: ${tableCaption(spec)}`, { bold: true, size: 20 })],
      keepNext: true,
      spacing: { before: 120, after: 60 },
    }),
    chartTable(spec.table),
    ...(spec.table.footnotes ?? []).map((n) => para(n, { size: 18 }, 40)),
    ...memberSection(memberTableOf(spec)),
    ...spec.sources.map((s, i) => para(s, { size: 18, color: '555555' }, i === spec.sources.length - 1 ? 240 : 40)),
  ];
}

function memberSection(members: ChartTable | null): (Paragraph | Table)[] {
  if (!members) return [];
  return [
    new Paragraph({
      children: [t(`Tabell: ${members.caption}${members.unit ? ` (${members.unit})` : ''}`, { bold: true, size: 20 })],
      keepNext: true,
      spacing: { before: 120, after: 60 },
    }),
    chartTable(members),
  ];
}

function tableCaption(spec: ChartSpec): string {
  return spec.table.caption + (spec.table.unit ? ` (${spec.table.unit})` : '');
}

export function buildReportDocument(cover: ReportCover, charts: DocumentChart[]): Document {
  return new Document({
    creator: 'Jämför',
    title: xmlText(`Nyckeltal för ${cover.kommun}`),
    description: xmlText(`Jämfört med ${cover.group}`),
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children: [...coverPage(cover), ...charts.flatMap(chartSection)] }],
  });
}

/** The .docx file's bytes. */
export async function reportDocx(cover: ReportCover, charts: DocumentChart[]): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await Packer.toArrayBuffer(buildReportDocument(cover, charts)));
}
