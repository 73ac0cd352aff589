import { describe, expect, it } from 'vitest';
import { fold } from '../../src/format/fold.ts';

describe('fold', () => {
  it('drops case and Swedish diacritics so "Malmö" finds "malmo"', () => {
    expect(fold('  Malmö ')).toBe('malmo');
    expect(fold('ÅRE')).toBe('are');
    expect(fold('Älvdalen')).toBe(fold('alvdalen'));
  });
  it('keeps other letters and digits apart', () => {
    expect(fold('U31462')).toBe('u31462');
    expect(fold('Hallsberg')).not.toBe(fold('Halsberg'));
  });
});
