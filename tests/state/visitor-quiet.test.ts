import { describe, expect, it, vi } from 'vitest';
import { whenVisitorQuiet } from '../../src/state/visitor-quiet.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('whenVisitorQuiet', () => {
  it('waits for the quiet time from the first call, and again after each input of the visitor', () => {
    // the page's clock is faked: the waits are exact, whatever the machine's load
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const page = new EventTarget();
      const ran: number[] = [];
      const t0 = performance.now();
      whenVisitorQuiet(() => ran.push(performance.now() - t0), 120, page);
      vi.advanceTimersByTime(60);
      page.dispatchEvent(new Event('click'));
      vi.advanceTimersByTime(90);
      expect(ran).toEqual([]); // 150 ms after the call, but only 90 after the click
      page.dispatchEvent(new Event('keydown'));
      vi.advanceTimersByTime(119);
      expect(ran).toEqual([]);
      // quiet for 120 ms, then the idle moment (50 ms where the runtime has no idle callback)
      vi.advanceTimersByTime(1 + 50);
      expect(ran.length).toBe(1);
      expect(ran[0]).toBeGreaterThanOrEqual(60 + 90 + 120);
      // still quiet: work asked for now runs at the next idle moment, without a new wait
      const again = performance.now();
      let ranAgain = -1;
      whenVisitorQuiet(() => (ranAgain = performance.now() - again), 120, page);
      vi.advanceTimersByTime(50);
      expect(ranAgain).toBe(50);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not count other events, and runs nothing once cancelled', async () => {
    const page = new EventTarget();
    const ran: string[] = [];
    whenVisitorQuiet(() => ran.push('kept'), 50, page);
    const cancel = whenVisitorQuiet(() => ran.push('cancelled'), 50, page);
    page.dispatchEvent(new Event('scroll'));
    cancel();
    await expect.poll(() => ran, { timeout: 2000 }).toEqual(['kept']);
    await sleep(150);
    expect(ran).toEqual(['kept']);
  });
});
