import { createReadStream, readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { DEFAULT_GEO_DIR, prepareMapFile } from './build-geo.ts';
import { MAP_FILE } from '../../src/charts/map/map-file.ts';

/**
 * The map's boundary file from GEO_DIR (default ../shared/data/geo): served under /data/ in dev and
 * emitted into dist/data/ on build. Without boundaries the site is built without the map and says so;
 * `import.meta.env.VITE_JAMFOR_MAP` tells the pages whether there is one.
 */
export function siteGeo(): Plugin {
  const geoDir = process.env.GEO_DIR || DEFAULT_GEO_DIR;
  let file: string | null | undefined;
  const prepare = () => {
    if (file !== undefined) return file;
    file = prepareMapFile(geoDir);
    if (!file)
      console.warn(
        `\nKartan byggs inte: hittar inte kommuner.geojson och lan.geojson i GEO_DIR (${geoDir}). Webbplatsen fungerar utan karta.\n`,
      );
    return file;
  };
  return {
    name: 'jamfor-site-geo',
    config: () => ({ define: { 'import.meta.env.VITE_JAMFOR_MAP': JSON.stringify(prepare() ? '1' : '') } }),
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const f = prepare();
        if (!f || req.url?.split('?')[0] !== `/data/${MAP_FILE}`) return next();
        res.setHeader('content-type', 'application/json');
        createReadStream(f).pipe(res);
      });
    },
    generateBundle(options) {
      if (this.environment?.config.build.ssr || options.format === 'cjs') return;
      const f = prepare();
      if (f) this.emitFile({ type: 'asset', fileName: `data/${MAP_FILE}`, source: readFileSync(f) });
    },
  };
}
