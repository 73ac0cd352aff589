import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { siteData } from './scripts/site/vite-plugin-site-data.ts';
import { siteGeo } from './scripts/site/vite-plugin-site-geo.ts';
import { duckdbExports } from './scripts/site/vite-plugin-duckdb-exports.ts';

export default defineConfig({
  // Relative base: the same build runs from any static host path (/, /nyckeltal/ …).
  base: './',
  // JAMFOR_CONTACT_* name the publisher in the accessibility statement (src/ui/site-contact.ts).
  envPrefix: ['VITE_', 'JAMFOR_CONTACT_'],
  plugins: [svelte(), siteData(), siteGeo(), duckdbExports()],
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  // No modulepreload links: browsers without JavaScript would still download them. The manifest
  // (.vite/manifest.json) names the chunk the entry loads after the first paint (the first-page test).
  // One stylesheet for all: a prerendered page paints with its components' styles before any script.
  build: { target: 'es2022', assetsInlineLimit: 0, chunkSizeWarningLimit: 1000, modulePreload: false, manifest: true, cssCodeSplit: false },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
