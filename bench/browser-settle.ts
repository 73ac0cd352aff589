import type { Browser, CDPSession } from 'playwright-core';

/** CPU time (ms) Chromium's own processes spent since they started: the browser, GPU and utility processes. */
async function browserCpuMs(cdp: CDPSession): Promise<number> {
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { cpuTime: number }[] };
  return processInfo.reduce((sum, p) => sum + p.cpuTime * 1000, 0);
}

export interface Settled {
  /** how long it took for the browser's own work to go quiet */
  waitedMs: number;
  /** false when it was still busy at the time limit */
  quiet: boolean;
}

/**
 * Waits until a window Chromium has just opened has finished its own start-up. A new window (each fresh
 * context here) makes Chromium build its UI, among it the omnibox popup's WebUI page: measured here, it
 * kept 1.1–2 of the 2 cores busy for ~0.8 s after `newPage()`. A visitor's window has done that long
 * before they follow a link, so a cold page load measured from then on would carry the browser's
 * start-up in the page's timings.
 */
export async function settleBrowser(browser: Browser, options: QuietOptions = {}): Promise<Settled> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    return await waitUntilQuiet(() => browserCpuMs(cdp), options);
  } finally {
    await cdp.detach();
  }
}

export interface QuietOptions {
  stepMs?: number;
  limitMs?: number;
}

/** Polls a cumulative CPU-time reading until two steps in a row each used under a fifth of a core. */
export async function waitUntilQuiet(cpuMs: () => Promise<number>, { stepMs = 100, limitMs = 5_000 }: QuietOptions = {}): Promise<Settled> {
  const start = performance.now();
  let last = await cpuMs();
  let quietSteps = 0;
  while (performance.now() - start < limitMs) {
    await new Promise((r) => setTimeout(r, stepMs));
    const now = await cpuMs();
    quietSteps = now - last < stepMs / 5 ? quietSteps + 1 : 0;
    last = now;
    if (quietSteps >= 2) return { waitedMs: performance.now() - start, quiet: true };
  }
  return { waitedMs: performance.now() - start, quiet: false };
}
