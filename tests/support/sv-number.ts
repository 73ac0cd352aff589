/** sv-SE text as the page shows it ("80,4", "1 234", "−3", "12,3 %") to a number; "–" (missing) to null. */
export const parseSv = (t: string): number | null =>
  t.trim() === '–'
    ? null
    : Number(
        t
          .replace(/[\s\u00a0\u202f]/g, '')
          .replace(',', '.')
          .replace('\u2212', '-')
          .replace('%', ''),
      );
