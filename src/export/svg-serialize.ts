import { xmlSafeMarkup } from './xml-text.ts';

/**
 * Turns chart SVG markup (from the DOM or from server rendering) into a standalone SVG file:
 * no framework comments, numbers in geometry rounded to 2 decimals, XML-safe entities and characters, a physical
 * size, and optionally an embedded font. Pure string functions: the same code runs in tests.
 */

const GEOMETRY_ATTRS = ['d', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'width', 'height', 'transform', 'points', 'viewBox'];
const GEOMETRY_RE = new RegExp(`\\s(${GEOMETRY_ATTRS.join('|')})="([^"]*)"`, 'g');

/** Rounds every decimal number in a geometry attribute value to at most 2 decimals ("12.3456" → "12.35"). */
export function roundNumbers(value: string): string {
  return value.replace(/-?\d*\.\d+(?:e-?\d+)?/gi, (n) => {
    const r = Math.round(Number(n) * 100) / 100;
    return String(Object.is(r, -0) ? 0 : r);
  });
}

/** Removes Svelte hydration comments, rounds geometry, and makes entities and characters valid XML. */
export function cleanSvgMarkup(markup: string): string {
  return xmlSafeMarkup(markup)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(GEOMETRY_RE, (_m, name: string, value: string) => ` ${name}="${roundNumbers(value)}"`)
    .replace(/&nbsp;/g, '&#160;');
}

function svgSize(markup: string): { width: number; height: number } {
  const m = /<svg\b[^>]*?\sviewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(markup);
  if (!m) throw new Error('Chart SVG has no viewBox');
  return { width: Number(m[1]), height: Number(m[2]) };
}

export interface StandaloneOptions {
  /** physical width, e.g. 16 (cm); height follows the aspect ratio */
  widthCm?: number;
  /** a fixed frame (layout px) the figure is centred and fitted in, e.g. 960×540 for slides */
  frame?: { width: number; height: number };
  /** @font-face rules to embed */
  fontCss?: string;
}

const fmt = (n: number) => String(Math.round(n * 1000) / 1000);

/** Sets (or with null removes) attributes on the root <svg> tag. */
export function setRootAttributes(svg: string, attrs: Record<string, string | null>): string {
  const end = svg.indexOf('>');
  let tag = svg.slice(0, end);
  const selfClosing = tag.endsWith('/');
  if (selfClosing) tag = tag.slice(0, -1);
  for (const [name, value] of Object.entries(attrs)) {
    const re = new RegExp(`\\s${name}="[^"]*"`);
    tag = tag.replace(re, '');
    if (value !== null) tag += ` ${name}="${value}"`;
  }
  return tag + (selfClosing ? '/' : '') + svg.slice(end);
}

/** A standalone SVG document for one chart figure. */
export function standaloneSvg(figureMarkup: string, opts: StandaloneOptions = {}): string {
  let svg = cleanSvgMarkup(figureMarkup.trim());
  if (!svg.startsWith('<svg')) throw new Error('Expected an <svg> element');
  // The on-screen figure carries a class for CSS; an exported file needs none.
  svg = setRootAttributes(svg, { xmlns: 'http://www.w3.org/2000/svg', class: null });
  const inner = svgSize(svg);
  const frame = opts.frame ?? inner;
  if (opts.frame) {
    const k = Math.min(frame.width / inner.width, frame.height / inner.height);
    const dx = (frame.width - inner.width * k) / 2;
    const dy = (frame.height - inner.height * k) / 2;
    const nested = setRootAttributes(svg, {
      xmlns: null,
      x: fmt(dx),
      y: fmt(dy),
      width: fmt(inner.width * k),
      height: fmt(inner.height * k),
    });
    svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${frame.height}" viewBox="0 0 ${frame.width} ${frame.height}">` +
      `<rect width="${frame.width}" height="${frame.height}" fill="#ffffff"/>${nested}</svg>`;
  }
  if (opts.widthCm) {
    const hCm = (opts.widthCm * frame.height) / frame.width;
    svg = setRootAttributes(svg, { width: `${fmt(opts.widthCm)}cm`, height: `${fmt(hCm)}cm` });
  }
  if (opts.fontCss) svg = svg.replace(/^(<svg\b[^>]*>)/, `$1<defs><style>${opts.fontCss}</style></defs>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}

/** Layout size (viewBox) of a standalone or figure SVG. */
export function viewBoxSize(markup: string): { width: number; height: number } {
  return svgSize(markup.replace(/^<\?xml[^>]*>\s*/, ''));
}
