/** The pages of the site and their paths (relative to the site root, which may be a sub-path). */
export type Route =
  | { page: 'start' }
  | { page: 'kommun'; id: string }
  | { page: 'rapport'; id: string }
  | { page: 'rangordning' }
  | { page: 'egna-data' }
  | { page: 'om-data' }
  | { page: 'tillganglighet' }
  | { page: 'saknas'; path: string };

/** decodeURIComponent that answers null instead of throwing on a malformed escape ("%", "%E0%A4%A"). */
export function tryDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** The element id a URL fragment points at ("#r%C3%A4tt" → "rätt"); a malformed escape is kept as written. */
export function fragmentId(hash: string): string {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  return tryDecode(raw) ?? raw;
}

/** A location's path below the site root ("/nyckeltal/kommun/1286/" → "kommun/1286/"), as parseRoute takes it. */
export function pathBelowRoot(pathname: string, rootPath: string): string {
  return pathname.startsWith(rootPath) ? pathname.slice(rootPath.length) : pathname;
}

export function parseRoute(path: string): Route {
  const decoded = path.split('/').filter(Boolean).map(tryDecode);
  if (decoded.includes(null)) return { page: 'saknas', path };
  const parts = decoded as string[];
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'index.html')) return { page: 'start' };
  if (parts[0] === 'kommun' && /^\d{4}$/.test(parts[1] ?? '')) {
    if (parts.length === 2) return { page: 'kommun', id: parts[1] };
    if (parts.length === 3 && parts[2] === 'rapport') return { page: 'rapport', id: parts[1] };
  }
  if (parts.length === 1 && ['rangordning', 'egna-data', 'om-data', 'tillganglighet'].includes(parts[0]))
    return { page: parts[0] } as Route;
  return { page: 'saknas', path };
}

/** Path of a route relative to the root, always ending in '/' so static hosts find index.html. */
export function routePath(r: Route): string {
  switch (r.page) {
    case 'start':
      return '';
    case 'kommun':
      return `kommun/${r.id}/`;
    case 'rapport':
      return `kommun/${r.id}/rapport/`;
    case 'saknas':
      return r.path;
    default:
      return `${r.page}/`;
  }
}
