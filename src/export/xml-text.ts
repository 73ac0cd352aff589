/**
 * Text that goes into XML (SVG, and the Office formats: xlsx, docx, pptx are XML inside a ZIP).
 * XML 1.0 allows only tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF; anything else –
 * a vertical tab in a status cell, a bell in a file name, a lone surrogate – makes the whole document
 * not well-formed, and browsers then refuse to draw it. Imported data can carry any of them.
 */

/** One character XML 1.0 forbids (use with the `u` flag semantics it was built with). */
export const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes every character XML 1.0 forbids; all other text (å, emoji, tabs) is kept. */
export function stripXmlForbidden(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

const ALLOWED_CODE_POINT = (cp: number) =>
  cp === 0x9 ||
  cp === 0xa ||
  cp === 0xd ||
  (cp >= 0x20 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd) ||
  (cp >= 0x10000 && cp <= 0x10ffff);

/**
 * Serialised markup made well-formed: forbidden characters and character references to them
 * (`&#11;`, `&#x0B;`) are removed. Markup characters are all allowed, so the structure is unchanged.
 */
export function xmlSafeMarkup(markup: string): string {
  return stripXmlForbidden(markup).replace(/&#(x[0-9a-f]+|[0-9]+);/gi, (ref, n: string) => {
    const cp = n[0] === 'x' || n[0] === 'X' ? parseInt(n.slice(1), 16) : parseInt(n, 10);
    return ALLOWED_CODE_POINT(cp) ? ref : '';
  });
}

const ENTITIES = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&apos;'],
]);

/** Text escaped for an XML element or attribute value, forbidden characters removed. */
export function escapeXml(text: string): string {
  return stripXmlForbidden(text).replace(/[&<>"']/g, (c) => ENTITIES.get(c)!);
}

/** Plain text for one line in a document (alt text, a caption): controls become spaces, runs of space collapse. */
export function documentText(text: string): string {
  return stripXmlForbidden(text.replace(/[\u0000-\u001F\u007F]+/g, ' '))
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** True when the text holds a character XML 1.0 forbids. */
export function hasXmlForbidden(text: string): boolean {
  return text !== stripXmlForbidden(text);
}
