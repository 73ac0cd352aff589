import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic, type StaticServer } from '../../scripts/site/static-server.ts';
import { koladaDir } from '../support/kolada-dir.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    subpathUrl: string;
    distDir: string;
    koladaDir: string;
    /** one id per e2e run, so files sharing a build (tests/support/hostile-site.ts) build it once */
    runId: string;
  }
}

/**
 * Builds the site once on the real Kolada data (as `DATA_DIR=… npm run build` does) and serves it
 * like a static host at / and under the sub-path /nyckeltal/. E2E_REUSE_BUILD=1 skips the rebuild.
 */
export default async function setup(project: TestProject) {
  const dist = resolve('.cache/e2e/dist-kolada');
  const kolada = koladaDir();
  if (!(process.env.E2E_REUSE_BUILD && existsSync(resolve(dist, 'index.html')))) {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--out', dist], {
      env: { ...process.env, DATA_DIR: kolada },
      stdio: 'inherit',
    });
  }
  const servers: StaticServer[] = [
    await serveStatic(dist, { compress: true }),
    await serveStatic(dist, { prefix: '/nyckeltal/', compress: true }),
  ];
  project.provide('siteUrl', servers[0].url);
  project.provide('subpathUrl', servers[1].url);
  project.provide('distDir', dist);
  project.provide('koladaDir', kolada);
  project.provide('runId', `${Date.now()}-${process.pid}`);
  return async () => {
    for (const s of servers) await s.close();
  };
}
