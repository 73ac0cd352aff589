import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { codeFingerprint, moduleGraph } from '../../../scripts/site/code-fingerprint.ts';

const ENTRY = 'scripts/site/prepare-site-data.ts';

describe('the build cache key follows the producer module graph', () => {
  it('reaches transitive imports of the data producer, and nothing the build does not run', () => {
    const files = moduleGraph(ENTRY).map((f) => relative(process.cwd(), f));
    for (const f of [
      ENTRY,
      'scripts/site/write-value-pieces.ts',
      'src/data/load-tables.ts',
      'src/data/contract.ts',
      'src/engine/node-database.ts',
    ])
      expect(files).toContain(f);
    expect(files.some((f) => f.startsWith('src/charts/') || f.startsWith('src/pages/'))).toBe(false);
  });

  // A copy of the code, so editing files touches nothing in the worktree.
  let copy: string;
  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'jamfor-key-'));
    for (const d of ['src', 'scripts']) cpSync(d, join(copy, d), { recursive: true });
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('changes when a transitive producer (src/data/contract.ts) changes, not when an unrelated module does', () => {
    const key = () => codeFingerprint(join(copy, ENTRY), copy);
    const before = key();
    appendFileSync(join(copy, 'src/charts/palette.ts'), '\n// unrelated edit\n');
    expect(key()).toBe(before);
    appendFileSync(join(copy, 'src/data/contract.ts'), '\n// edited\n');
    const afterContract = key();
    expect(afterContract).not.toBe(before);
    appendFileSync(join(copy, 'src/engine/node-database.ts'), '\n// edited\n');
    expect(key()).not.toBe(afterContract);
  });
});
