/**
 * 404.html is served at any depth, so it cannot use relative links; it points at the site root "/".
 * When dist/ is deployed under a sub-path, point it there without rebuilding:
 *   npx tsx scripts/site/rebase-404.ts dist /nyckeltal/
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Moves 404.html's root-absolute asset and link URLs from its current root (the build's "/") to `base`. */
export function rebase404(html: string, base: string): string {
  if (!/^\/([^/?#"]+\/)*$/.test(base)) throw new Error(`Sökvägen måste börja och sluta med "/", t.ex. /nyckeltal/ (fick "${base}")`);
  const current = html.match(/<meta name="jamfor-root" content="(\/[^"]*)"/)?.[1];
  if (!current) throw new Error('404.html saknar <meta name="jamfor-root"> med absolut rot');
  const escaped = current.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return html
    .replace(`<meta name="jamfor-root" content="${current}"`, `<meta name="jamfor-root" content="${base}"`)
    .replace(new RegExp(`(href|src)="${escaped}(?!/)`, 'g'), `$1="${base}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir = 'dist', base = '/'] = process.argv.slice(2);
  const file = join(dir, '404.html');
  writeFileSync(file, rebase404(readFileSync(file, 'utf8'), base));
  console.log(`${file}: rot ${base}`);
}
