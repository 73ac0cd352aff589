import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * Four projects, mirroring where code runs:
 *  - node: pure TS and SQL on native DuckDB        tests/**\/*.test.ts
 *  - dom:  Svelte components in jsdom               tests/**\/*.dom.test.ts
 *  - e2e:  the built site in /usr/bin/chromium      tests/e2e/**\/*.e2e.test.ts
 *  - e2e-full: the site built on all of Kolada (kolada-full), fidelity against the source file
 *                                                    tests/e2e-full/**\/*.e2e.test.ts
 */
/**
 * expect.poll waits until its condition holds: 1 s by default, which a loaded CI runner can overrun
 * (a piece decoded, a page drawn). Longer only delays a failure; a passing poll ends when it holds.
 */
const expectOptions = { poll: { timeout: 15_000 } };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          expect: expectOptions,
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.dom.test.ts', 'tests/e2e/**', 'tests/e2e-full/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [svelte({ compilerOptions: { hmr: false } })],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'dom',
          expect: expectOptions,
          environment: 'jsdom',
          include: ['tests/**/*.dom.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          expect: expectOptions,
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'e2e-full',
          expect: expectOptions,
          environment: 'node',
          include: ['tests/e2e-full/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e-full/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 1_800_000,
        },
      },
    ],
  },
});
