import { fold } from '../format/fold.ts';
import { compareKommunNames } from '../format/kommun-order.ts';

export interface NamedKommun {
  id: string;
  name: string;
}

/** "Hallsbergs kommun", "Hallsberg kommun", "Ystad (1286)" → the bare folded name or code. */
export function normaliseQuery(q: string): string {
  return fold(q)
    .replace(/\(\s*(\d{4})\s*\)/, ' $1 ')
    .replace(/\s+(kommun|kommune|municipality)$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** At most one insertion, deletion, substitution or swap of neighbours apart (Damerau–Levenshtein ≤ 1). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length)
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Kommuner matching a typed text, best tier first: the code; the whole name (also "Hallsberg kommun",
 * "Hallsbergs kommun", "Ystad (1286)"); names starting with the text; a word of the name starting
 * with it or the name containing it ("väsby" → Upplands Väsby); then one typo ("Halsberg").
 * Only the best non-empty tier is returned, sorted by name.
 */
export function matchKommun<K extends NamedKommun>(query: string, options: readonly K[]): K[] {
  let q = normaliseQuery(query);
  if (!q) return [];
  const code = /(?:^|\s)(\d{4})(?:\s|$)/.exec(q)?.[1];
  if (code) {
    const byCode = options.filter((o) => o.id === code);
    if (byCode.length) return byCode;
    q = q.replace(code, '').trim();
  }
  const named = options.map((o) => ({ o, n: fold(o.name) }));
  const genitive = q.endsWith('s') ? q.slice(0, -1) : null;
  const tiers: ((x: { o: K; n: string }) => boolean)[] = [
    (x) => x.n === q || x.n === genitive,
    (x) => x.n.startsWith(q),
    (x) => x.n.split(/[\s-]+/).some((w) => w.startsWith(q)) || (q.length >= 3 && x.n.includes(q)),
    (x) => q.length >= 4 && (withinOneEdit(x.n, q) || (genitive !== null && withinOneEdit(x.n, genitive))),
  ];
  for (const tier of tiers) {
    const hits = named.filter(tier).map((x) => x.o);
    if (hits.length) return hits.sort((a, b) => compareKommunNames(a.name, b.name));
  }
  return [];
}
