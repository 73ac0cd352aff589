/**
 * Kolada v3 paging: a response is `{"values": [...], "next_url": "<absolute url>" | "" | null, ...}`.
 * Follow `next_url` until it is empty. (v2 called it `next_page`; v3 does not use that.)
 */

export type GetJson = (url: string) => Promise<unknown>;

export interface Page {
  url: string;
  values: unknown[];
  next: string | null;
}

export class KoladaFormatError extends Error {
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(`${message} (${url})`);
    this.name = 'KoladaFormatError';
  }
}

/** Reads the envelope of one page; throws a clear error when it is not a Kolada page. */
export function readPage(url: string, body: unknown): Page {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new KoladaFormatError('expected a JSON object with "values"', url);
  const b = body as Record<string, unknown>;
  if (!Array.isArray(b.values)) throw new KoladaFormatError('the response has no "values" array', url);
  const next = b.next_url;
  if (next != null && typeof next !== 'string') throw new KoladaFormatError('"next_url" is neither a string nor null', url);
  return { url, values: b.values, next: next && next.trim() !== '' ? new URL(next, url).toString() : null };
}

/** Adds `page` and `per_page` to a URL (keeps other query parameters). */
export function withPaging(url: string, perPage: number, page = 1): string {
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 5000) throw new RangeError(`per_page must be 1…5000, got ${perPage}`);
  const u = new URL(url);
  u.searchParams.set('page', String(page));
  u.searchParams.set('per_page', String(perPage));
  return u.toString();
}

/** Fetches the first page and every following one; returns all rows in page order. */
export async function fetchAllPages(get: GetJson, firstUrl: string, maxPages = 100_000): Promise<unknown[]> {
  const rows: unknown[] = [];
  const seen = new Set<string>();
  let url: string | null = firstUrl;
  while (url) {
    if (seen.has(url)) throw new KoladaFormatError('"next_url" points back to a page already read', url);
    if (seen.size >= maxPages) throw new KoladaFormatError(`more than ${maxPages} pages`, firstUrl);
    seen.add(url);
    const page = readPage(url, await get(url));
    for (const v of page.values) rows.push(v);
    url = page.next;
  }
  return rows;
}
