import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Imports run one way, from the connectors up to the app shell (README, "How the code is laid out").
 * A room may import its own files and rooms listed before it.
 */
const LAYERS = [
  'format',
  'engine',
  'data',
  'kolada-api',
  'peers',
  'queries',
  'import',
  'core',
  'state',
  'ui',
  'charts',
  'export',
  'panels',
  'pages',
  'app',
  '(root)',
];
/** import/store/ (the browser store of imported sets) and import/flow/ run their writes through the core. */
const ALLOWED_UPWARD = new Set(['import -> core']);

const SRC = resolve('src');
const files = (function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
})(SRC);
const room = (file: string) => {
  const parts = relative(SRC, file).split(/[\\/]/);
  return parts.length > 1 ? parts[0] : '(root)';
};
const SPEC = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"?]+)/g;
const TYPE_ONLY = /import\s+type\s[^;]*?from\s*['"](\.{1,2}\/[^'"?]+)/g;
const targets = (f: string, re: RegExp) => [...readFileSync(f, 'utf8').matchAll(re)].map((m) => resolve(dirname(f), m[1]));
const imports = new Map(files.map((f) => [f, targets(f, SPEC)]));
/** imports that remain at run time (`import type` is erased) */
const runtimeImports = new Map(
  files.map((f) => [
    f,
    targets(f, SPEC).filter((t, _, all) => !targets(f, TYPE_ONLY).includes(t) || all.filter((x) => x === t).length > 1),
  ]),
);

describe('import direction', () => {
  it('knows every room under src/', () => {
    expect([...new Set(files.map(room))].filter((r) => !LAYERS.includes(r) && r !== 'styles')).toEqual([]);
  });

  it('never imports a room above', () => {
    const upward: string[] = [];
    for (const [f, targets] of imports) {
      for (const t of targets) {
        const [a, b] = [room(f), room(t)];
        if (b === 'styles' || LAYERS.indexOf(b) <= LAYERS.indexOf(a) || ALLOWED_UPWARD.has(`${a} -> ${b}`)) continue;
        upward.push(`${relative(SRC, f)} -> ${relative(SRC, t)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no run-time import cycle between files', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].map((p) => relative(SRC, p)).join(' -> '));
        return;
      }
      state.set(f, 'open');
      for (const t of runtimeImports.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
