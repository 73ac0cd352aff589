import { describe, expect, it } from 'vitest';
import { isBusy, step, type FlowEvent, type Phase } from '../../../src/import/flow/import-flow.ts';

const PHASES: Phase[] = ['idle', 'reading', 'parsing', 'preview', 'adding', 'done'];
const EVENTS: FlowEvent[] = ['pick', 'read', 'parsed', 'remap', 'confirm', 'added', 'failed', 'cancel'];

describe('the import state machine', () => {
  it('walks the happy path', () => {
    const path: FlowEvent[] = ['pick', 'read', 'parsed', 'remap', 'confirm', 'added'];
    let p: Phase = 'idle';
    const seen: Phase[] = [p];
    for (const e of path) seen.push((p = step(p, e)!));
    expect(seen).toEqual(['idle', 'reading', 'parsing', 'preview', 'preview', 'adding', 'done']);
  });

  it('refuses out-of-order events: no confirm before a preview, no new file or cancel while adding', () => {
    expect(step('idle', 'confirm')).toBeNull();
    expect(step('reading', 'confirm')).toBeNull();
    expect(step('parsing', 'confirm')).toBeNull();
    expect(step('adding', 'pick')).toBeNull();
    expect(step('adding', 'cancel')).toBeNull();
    expect(step('adding', 'confirm')).toBeNull();
    expect(step('done', 'confirm')).toBeNull();
  });

  it('a failure while adding returns to the preview; while reading, to idle', () => {
    expect(step('adding', 'failed')).toBe('preview');
    expect(step('reading', 'failed')).toBe('idle');
    expect(step('parsing', 'failed')).toBe('idle');
  });

  it('every phase can reach idle or done, and busy phases are exactly reading, parsing and adding', () => {
    for (const p of PHASES) {
      const reachable = new Set<Phase>([p]);
      for (let i = 0; i < 6; i++)
        for (const q of [...reachable])
          for (const e of EVENTS) {
            const n = step(q, e);
            if (n) reachable.add(n);
          }
      expect(reachable.has('idle') || reachable.has('done'), p).toBe(true);
    }
    expect(PHASES.filter(isBusy)).toEqual(['reading', 'parsing', 'adding']);
  });
});
