/**
 * npm run build: client bundle (with the site data) → server bundle → prerendered HTML in dist/.
 * DATA_DIR picks the data (default data/sample); --out DIR writes elsewhere than dist/.
 */
import { build } from 'vite';
import { resolve } from 'node:path';
import { prepareSiteData } from './site/prepare-site-data.ts';
import { describeDataError } from './site/vite-plugin-site-data.ts';
import { prerender } from './site/prerender.ts';
import { precompress } from './site/precompress.ts';

// Vite derives import.meta.env.DEV from NODE_ENV; a build started from a test runner (NODE_ENV=test)
// would otherwise ship development behaviour.
process.env.NODE_ENV = 'production';
const args = process.argv.slice(2);
const out = resolve(args.includes('--out') ? args[args.indexOf('--out') + 1] : 'dist');
const dataDir = process.env.DATA_DIR || 'data/sample';
const t0 = Date.now();

let site;
try {
  site = await prepareSiteData(dataDir, '.cache', console.log);
} catch (e) {
  console.error('\n' + describeDataError(e, dataDir) + '\n');
  process.exit(1);
}
await build({ logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
const ssrOut = resolve('.cache/ssr', String(process.pid));
await build({
  logLevel: 'warn',
  build: {
    ssr: 'src/app/server-entry.ts',
    outDir: ssrOut,
    emptyOutDir: true,
    rollupOptions: { output: { entryFileNames: 'server-entry.js' } },
  },
});
await prerender({ dist: out, ssrEntry: `${ssrOut}/server-entry.js`, database: site.database, meta: site.meta, log: console.log });
for (const c of precompress(out))
  console.log(`Förkomprimerat ${c.file}: ${(c.bytes / 1e6).toFixed(1)} MB → ${(c.brBytes / 1e6).toFixed(1)} MB (br)`);
console.log(`Byggt till ${out} på ${((Date.now() - t0) / 1000).toFixed(1)} s (data: ${dataDir})`);
