/**
 * Text that XML 1.0 can carry. Office files (xlsx, docx, pptx) are XML inside a ZIP: a single C0
 * control character (U+0000–U+001F except tab, LF, CR), U+FFFE/U+FFFF or a lone surrogate makes
 * Word, Excel and PowerPoint refuse the whole file. Every text put into those files passes here.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/** True when the text holds a character XML 1.0 forbids. */
export function hasXmlForbidden(text: string): boolean {
  FORBIDDEN.lastIndex = 0;
  const found = FORBIDDEN.test(text);
  FORBIDDEN.lastIndex = 0;
  return found;
}
