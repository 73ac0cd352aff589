import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';
import { DataDirectoryError, formatProblem } from '../../src/data/load-tables.ts';
import { prepareSiteData, type SiteData } from './prepare-site-data.ts';
import { contentType } from './static-server.ts';

/** Describes a data problem for people: every problem with file, line and reason. */
export function describeDataError(e: unknown, dataDir: string): string {
  if (e instanceof DataDirectoryError)
    return `Datakatalogen ${dataDir} kan inte användas:\n` + e.problems.map((p) => '  - ' + formatProblem(p)).join('\n');
  return `Datakatalogen ${dataDir} kunde inte läsas: ${e instanceof Error ? e.message : String(e)}`;
}

/** Serves the prepared site data under /data/ in dev and emits it into dist/data/ on build. */
export function siteData(): Plugin {
  let prepared: Promise<SiteData> | null = null;
  const dataDir = () => process.env.DATA_DIR || 'data/sample';
  const prepare = () => (prepared ??= prepareSiteData(dataDir()));
  return {
    name: 'jamfor-site-data',
    async configureServer(server) {
      let failure: string | null = null;
      await prepare().catch((e) => {
        failure = describeDataError(e, dataDir());
        server.config.logger.error('\n' + failure + '\n');
      });
      server.middlewares.use(async (req, res, next) => {
        if (failure) {
          res.statusCode = 500;
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.end(
            `<!doctype html><html lang="sv"><meta charset="utf-8"><title>Fel i data</title><main style="font-family:sans-serif;max-width:50rem;margin:2rem auto"><h1>Jämför kan inte visa data</h1><pre style="white-space:pre-wrap">${failure.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!)}</pre></main>`,
          );
          return;
        }
        const m = /^\/data\/((?:values\/)?[\w-][\w.-]*)$/.exec(req.url?.split('?')[0] ?? '');
        if (!m) return next();
        const { dir } = await prepare();
        const file = join(dir, m[1]);
        if (!existsSync(file)) return next();
        res.setHeader('content-type', contentType(file));
        createReadStream(file).pipe(res);
      });
    },
    async generateBundle(options) {
      if (this.environment?.config.build.ssr || options.format === 'cjs') return;
      let data: SiteData;
      try {
        data = await prepare();
      } catch (e) {
        this.error(describeDataError(e, dataDir()));
      }
      for (const f of readdirSync(data.dir, { recursive: true, withFileTypes: true })) {
        if (!f.isFile()) continue;
        const rel = relative(data.dir, join(f.parentPath, f.name)).split(sep).join('/');
        this.emitFile({ type: 'asset', fileName: `data/${rel}`, source: readFileSync(join(f.parentPath, f.name)) });
      }
    },
  };
}
