/** Serves a built site like a static host: tsx scripts/serve.ts [dist] [--prefix /nyckeltal/] [--port 4173] */
import { serveStatic } from './site/static-server.ts';

const args = process.argv.slice(2);
const opt = (name: string, d: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : d);
const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'dist';
const s = await serveStatic(dir, { port: Number(opt('--port', '4173')), prefix: opt('--prefix', '/'), compress: true });
console.log(`Jämför serveras på ${s.url}`);
