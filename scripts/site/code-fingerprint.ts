import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

/** Static and dynamic imports, re-exports and `new URL('./file', import.meta.url)` data files, with a relative specifier. */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bnew URL\(\s*)(['"])(\.{1,2}\/[^'"]+)\1/g;

/**
 * Every local source file reachable from `entry` through relative imports (the module graph the
 * build's data producer runs), sorted; packages from node_modules are covered by the lock file.
 */
export function moduleGraph(entry: string): string[] {
  const seen = new Set<string>();
  const stack = [resolve(entry)];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const target = resolveImport(dirname(file), m[2]);
      if (target && !seen.has(target)) stack.push(target);
    }
  }
  return [...seen].sort();
}

function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(from, specifier.split('?')[0]);
  return [base, `${base}.ts`, `${base}/index.ts`].find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/** A hash of the contents (and repo-relative paths) of every module reachable from `entry`. */
export function codeFingerprint(entry: string, root = process.cwd()): string {
  const h = createHash('sha256');
  for (const f of moduleGraph(entry)) h.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex');
}
