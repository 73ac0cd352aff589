import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic, type StaticServer } from '../../scripts/site/static-server.ts';
import { koladaFullDir } from '../support/kolada-dir.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fullSiteUrl: string;
    fullDistDir: string;
    /** '' when ../shared/data/kolada-full is absent: the suite skips with a message */
    koladaFullDir: string;
  }
}

/**
 * Builds the site once on all of Kolada (`DATA_DIR=…/kolada-full npm run build`) and serves it on
 * 127.0.0.1. E2E_REUSE_BUILD=1 keeps an existing build. Without the full data nothing is built.
 */
export default async function setup(project: TestProject) {
  const full = koladaFullDir();
  if (!full) {
    console.warn(
      '\n[e2e-full] SKIPPED: ../shared/data/kolada-full (or KOLADA_FULL_DIR) is absent; the full-data fidelity tests did not run.\n',
    );
    project.provide('fullSiteUrl', '');
    project.provide('fullDistDir', '');
    project.provide('koladaFullDir', '');
    return;
  }
  const dist = resolve('.cache/e2e-full/dist');
  if (!(process.env.E2E_REUSE_BUILD && existsSync(resolve(dist, 'index.html')))) {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--out', dist], {
      env: { ...process.env, DATA_DIR: full },
      stdio: 'inherit',
    });
  }
  const server: StaticServer = await serveStatic(dist, { compress: true });
  project.provide('fullSiteUrl', server.url);
  project.provide('fullDistDir', dist);
  project.provide('koladaFullDir', full);
  return () => server.close();
}
