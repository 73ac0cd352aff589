import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

/** Polls the page's JS heap (CDP Performance.getMetrics) and keeps the peak until stop(). */
export async function heapPeak(page: Page, everyMs = 200): Promise<{ stop(): Promise<{ peakJsHeapBytes: number }> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let peak = 0;
  const sample = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    peak = Math.max(peak, used);
  };
  await sample();
  const timer = setInterval(() => void sample().catch(() => {}), everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await sample().catch(() => {});
      await cdp.detach().catch(() => {});
      return { peakJsHeapBytes: peak };
    },
  };
}

/**
 * Peak resident memory (VmHWM) of the browser's renderer processes, where the page, its DuckDB worker
 * and the wasm linear memory live. Use a fresh browser per measurement: the high-water mark never drops.
 */
export async function rendererPeakRss(browser: Browser): Promise<number | null> {
  try {
    const cdp = await browser.newBrowserCDPSession();
    const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    await cdp.detach();
    let max = 0;
    for (const p of info.processInfo.filter((x) => x.type === 'renderer')) {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'));
      if (m) max = Math.max(max, Number(m[1]) * 1024);
    }
    return max || null;
  } catch {
    return null;
  }
}

/** DuckDB's own accounting inside the engine: buffer-managed memory and the database size. */
export const DUCKDB_MEMORY_SQL = 'SELECT sum(memory_usage_bytes)::BIGINT AS bytes FROM duckdb_memory()';
