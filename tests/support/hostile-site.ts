import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inject } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/site/static-server.ts';
import { writeHostileDirectory } from '../security/hostile-data.ts';

/**
 * The site built on the hostile data directory (names, titles and groups that are attack strings) and
 * served on 127.0.0.1. Built once per e2e run (the run's id is stamped beside it) however many files
 * ask; E2E_REUSE_BUILD=1 keeps any earlier build.
 */
export async function serveHostileSite(): Promise<{ server: StaticServer; kommunIds: string[] }> {
  const hostile = writeHostileDirectory();
  const dist = resolve('.cache/e2e/dist-hostile');
  const stamp = resolve(dist, '.e2e-run');
  const run = inject('runId');
  const built = existsSync(resolve(dist, 'index.html')) && existsSync(stamp);
  const current = built && (process.env.E2E_REUSE_BUILD || readFileSync(stamp, 'utf8') === run);
  if (!current) {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--out', dist], {
      env: { ...process.env, DATA_DIR: hostile.dir },
      stdio: 'inherit',
    });
    writeFileSync(stamp, run);
  }
  return { server: await serveStatic(dist), kommunIds: hostile.kommunIds };
}
