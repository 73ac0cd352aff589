import latin400 from '@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff2?url';
import latin600 from '@fontsource/source-sans-3/files/source-sans-3-latin-600-normal.woff2?url';
import latin700 from '@fontsource/source-sans-3/files/source-sans-3-latin-700-normal.woff2?url';
import ext400 from '@fontsource/source-sans-3/files/source-sans-3-latin-ext-400-normal.woff2?url';
import ext600 from '@fontsource/source-sans-3/files/source-sans-3-latin-ext-600-normal.woff2?url';
import ext700 from '@fontsource/source-sans-3/files/source-sans-3-latin-ext-700-normal.woff2?url';

/**
 * Source Sans 3 as base64 @font-face rules inside the exported SVG, so the file (and the PNG drawn
 * from it) shows the same letters as the screen wherever it is opened. The woff2 files are the
 * site's own assets (same origin); latin-ext is added only when the chart's text needs it.
 */
const FACES = [
  { weight: 400, latin: latin400, ext: ext400 },
  { weight: 600, latin: latin600, ext: ext600 },
  { weight: 700, latin: latin700, ext: ext700 },
];
const LATIN_RANGE =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const EXT_RANGE =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C4,U+2113,U+2C60-2C7F,U+A720-A7FF';

const cache = new Map<string, Promise<string>>();

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fetchBase64(url: string): Promise<string> {
  let p = cache.get(url);
  if (!p) {
    p = fetch(new URL(url, document.baseURI))
      .then((r) => {
        if (!r.ok) throw new Error(`Typsnittet kunde inte läsas (${r.status})`);
        return r.arrayBuffer();
      })
      .then((b) => toBase64(new Uint8Array(b)));
    p.catch(() => cache.delete(url));
    cache.set(url, p);
  }
  return p;
}

export function needsLatinExt(text: string): boolean {
  return /[\u0100-\u024f\u1e00-\u1eff]/.test(text);
}

/** @font-face rules with the fonts inlined as data: URLs, for the weights the SVG uses. */
export async function embeddedFontCss(svgText: string): Promise<string> {
  const weights = new Set([400, ...[...svgText.matchAll(/font-weight="(\d+)"/g)].map((m) => Number(m[1]))]);
  const ext = needsLatinExt(svgText);
  const rules: string[] = [];
  for (const f of FACES) {
    if (!weights.has(f.weight)) continue;
    const subsets = [{ url: f.latin, range: LATIN_RANGE }, ...(ext ? [{ url: f.ext, range: EXT_RANGE }] : [])];
    for (const s of subsets) {
      const data = await fetchBase64(s.url);
      rules.push(
        `@font-face{font-family:'Source Sans 3';font-style:normal;font-weight:${f.weight};src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${s.range};}`,
      );
    }
  }
  return rules.join('');
}
