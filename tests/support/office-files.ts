import { strFromU8, unzipSync } from 'fflate';
import { createRequire } from 'node:module';

// jsdom ships no types; only its DOMParser is used here.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: { DOMParser: typeof DOMParser } } };

/**
 * Opens xlsx, docx and pptx files the way an office program does: unzip, parse each XML part (a part
 * that is not well-formed XML throws), and read back cells, paragraphs, images, alt texts and chart data.
 */
const parser = new new JSDOM('').window.DOMParser();

export type Parts = Record<string, Uint8Array>;

export function unzip(bytes: Uint8Array): Parts {
  return unzipSync(bytes);
}

export function xml(parts: Parts, name: string): Document {
  const part = parts[name];
  if (!part) throw new Error(`${name} is missing (parts: ${Object.keys(parts).join(', ')})`);
  const doc = parser.parseFromString(strFromU8(part), 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`${name} is not well-formed XML: ${error.textContent}`);
  return doc;
}

/** Every XML part parses. */
export function allXmlWellFormed(parts: Parts): string[] {
  const names = Object.keys(parts).filter((n) => /\.(xml|rels)$/.test(n));
  for (const n of names) xml(parts, n);
  return names;
}

const byTag = (node: Document | Element, tag: string) => [...node.getElementsByTagName(tag)];
const text = (node: Element) =>
  byTag(node, 't')
    .map((t) => t.textContent ?? '')
    .join('');

export type Cell = string | number | null;

/** Sheets by name, each a grid of cell values (numbers as numbers, shared strings resolved), plus number formats. */
export function readXlsx(bytes: Uint8Array): { sheets: Map<string, Cell[][]>; formats: Map<string, string[][]> } {
  const parts = unzip(bytes);
  allXmlWellFormed(parts);
  const shared = byTag(xml(parts, 'xl/sharedStrings.xml'), 'si').map(text);
  const styles = xml(parts, 'xl/styles.xml');
  const numFmts = new Map(byTag(styles, 'numFmt').map((f) => [f.getAttribute('numFmtId')!, f.getAttribute('formatCode')!]));
  const builtIn: Record<string, string> = { '0': 'General', '1': '0', '2': '0.00', '3': '#,##0', '4': '#,##0.00', '49': '@' };
  const xfs = byTag(byTag(styles, 'cellXfs')[0], 'xf').map((x) => {
    const id = x.getAttribute('numFmtId') ?? '0';
    return numFmts.get(id) ?? builtIn[id] ?? id;
  });
  const rels = xml(parts, 'xl/_rels/workbook.xml.rels');
  const target = new Map(byTag(rels, 'Relationship').map((r) => [r.getAttribute('Id')!, r.getAttribute('Target')!]));
  const sheets = new Map<string, Cell[][]>();
  const formats = new Map<string, string[][]>();
  for (const s of byTag(xml(parts, 'xl/workbook.xml'), 'sheet')) {
    const path = `xl/${target.get(s.getAttribute('r:id')!)!.replace(/^\/?xl\//, '')}`;
    const grid: Cell[][] = [];
    const fmt: string[][] = [];
    for (const row of byTag(xml(parts, path), 'row')) {
      const r = Number(row.getAttribute('r')) - 1;
      grid[r] = [];
      fmt[r] = [];
      for (const c of byTag(row, 'c')) {
        const ref = c.getAttribute('r')!;
        const col = [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        const v = byTag(c, 'v')[0]?.textContent ?? null;
        const type = c.getAttribute('t');
        if (byTag(c, 'f').length) throw new Error(`formula in ${ref}`);
        grid[r][col] =
          v === null ? (type === 'inlineStr' ? text(c) : null) : type === 's' ? shared[Number(v)] : type === 'str' ? v : Number(v);
        fmt[r][col] = xfs[Number(c.getAttribute('s') ?? 0)];
      }
    }
    sheets.set(s.getAttribute('name')!, grid);
    formats.set(s.getAttribute('name')!, fmt);
  }
  return { sheets, formats };
}

export interface DocxContent {
  paragraphs: string[];
  images: { name: string; bytes: Uint8Array }[];
  /** alt text (descr) of every drawing */
  altTexts: string[];
  /** each table as rows of cell texts */
  tables: string[][][];
}

export function readDocx(bytes: Uint8Array): DocxContent {
  const parts = unzip(bytes);
  allXmlWellFormed(parts);
  const doc = xml(parts, 'word/document.xml');
  const body = byTag(doc, 'w:body')[0];
  const paragraphs = byTag(body, 'w:p').map((p) =>
    byTag(p, 'w:t')
      .map((t) => t.textContent)
      .join(''),
  );
  const tables = byTag(body, 'w:tbl').map((t) =>
    byTag(t, 'w:tr').map((tr) =>
      byTag(tr, 'w:tc').map((tc) =>
        byTag(tc, 'w:t')
          .map((x) => x.textContent)
          .join(''),
      ),
    ),
  );
  const altTexts = byTag(doc, 'wp:docPr').map((d) => d.getAttribute('descr') ?? '');
  const images = Object.keys(parts)
    .filter((n) => n.startsWith('word/media/'))
    .map((name) => ({ name, bytes: parts[name] }));
  return { paragraphs, images, altTexts, tables };
}

export interface PptxChart {
  kind: string;
  series: { name: string; labels: string[]; values: (number | null)[] }[];
}

export interface PptxSlide {
  texts: string[];
  charts: PptxChart[];
  images: number;
  altTexts: string[];
  notes: string;
}

function cache(node: Element | undefined, tag: 'c:strCache' | 'c:numCache'): (string | null)[] {
  if (!node) return [];
  const c = byTag(node, tag)[0] ?? byTag(node, 'c:strCache')[0] ?? byTag(node, 'c:multiLvlStrCache')[0];
  if (!c) return [];
  const count = Number(byTag(c, 'c:ptCount')[0]?.getAttribute('val') ?? 0);
  const out: (string | null)[] = Array(count).fill(null);
  for (const pt of byTag(c, 'c:pt')) {
    const v = byTag(pt, 'c:v')[0]?.textContent ?? '';
    out[Number(pt.getAttribute('idx'))] = v === '' ? null : v;
  }
  return out;
}

export function readPptx(bytes: Uint8Array): PptxSlide[] {
  const parts = unzip(bytes);
  allXmlWellFormed(parts);
  const pres = xml(parts, 'ppt/presentation.xml');
  const presRels = xml(parts, 'ppt/_rels/presentation.xml.rels');
  const relTarget = (doc: Document, id: string) =>
    byTag(doc, 'Relationship')
      .find((r) => r.getAttribute('Id') === id)!
      .getAttribute('Target')!;
  const resolvePath = (base: string, target: string) => {
    if (target.startsWith('/')) return target.slice(1);
    const segs = base.split('/').slice(0, -1);
    for (const s of target.split('/')) {
      if (s === '..') segs.pop();
      else segs.push(s);
    }
    return segs.join('/');
  };
  return byTag(pres, 'p:sldId').map((s) => {
    const path = resolvePath('ppt/presentation.xml', relTarget(presRels, s.getAttribute('r:id')!));
    const slide = xml(parts, path);
    const relsPath = path.replace(/slides\/(slide\d+\.xml)$/, 'slides/_rels/$1.rels');
    const rels = xml(parts, relsPath);
    const charts = byTag(slide, 'c:chart').map((c) => {
      const chartXml = xml(parts, resolvePath(path, relTarget(rels, c.getAttribute('r:id')!)));
      const plot = byTag(chartXml, 'c:plotArea')[0];
      const kindEl = [...plot.children].find((e) => /Chart$/.test(e.tagName))!;
      return {
        kind: kindEl.tagName.replace(/^c:/, ''),
        series: byTag(kindEl, 'c:ser').map((ser) => ({
          name: cache(byTag(ser, 'c:tx')[0], 'c:strCache')[0] ?? '',
          labels: cache(byTag(ser, 'c:cat')[0], 'c:strCache').map((x) => x ?? ''),
          values: cache(byTag(ser, 'c:val')[0], 'c:numCache').map((x) => (x === null ? null : Number(x))),
        })),
      };
    });
    const notesRel = byTag(rels, 'Relationship').find((r) => /notesSlide/.test(r.getAttribute('Type') ?? ''));
    const notes = notesRel
      ? byTag(xml(parts, resolvePath(path, notesRel.getAttribute('Target')!)), 'a:t')
          .map((t) => t.textContent)
          .join(' ')
      : '';
    return {
      texts: byTag(slide, 'p:sp').map((sp) =>
        byTag(sp, 'a:p')
          .map((p) =>
            byTag(p, 'a:t')
              .map((t) => t.textContent)
              .join(''),
          )
          .join('\n'),
      ),
      charts,
      images: byTag(slide, 'p:pic').length,
      altTexts: byTag(slide, 'p:cNvPr')
        .map((d) => d.getAttribute('descr') ?? '')
        .filter(Boolean),
      notes,
    };
  });
}
