import { describe, expect, it } from 'vitest';
import { waitUntilQuiet } from '../../bench/browser-settle.ts';

/** A cumulative CPU reading that adds the given ms at each read after the first. */
function readings(steps: number[]) {
  let total = 0;
  let i = -1;
  const read = async () => {
    if (i >= 0) total += steps[Math.min(i, steps.length - 1)];
    i++;
    return total;
  };
  return { read, steps: () => i };
}

describe('waitUntilQuiet', () => {
  it('waits through busy steps and stops after two quiet ones in a row', async () => {
    const cpu = readings([9, 8, 1, 9, 0, 1, 50]);
    const r = await waitUntilQuiet(cpu.read, { stepMs: 10, limitMs: 2_000 });
    expect(r.quiet).toBe(true);
    // the third step alone was quiet (the fourth was busy again); the quiet pair is the fifth and sixth
    expect(cpu.steps()).toBe(6);
  });

  it('gives up at the limit when the browser never goes quiet', async () => {
    const r = await waitUntilQuiet(readings([5]).read, { stepMs: 10, limitMs: 80 });
    expect(r.quiet).toBe(false);
    expect(r.waitedMs).toBeGreaterThanOrEqual(80);
  });
});
