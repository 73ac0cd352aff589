import { describe, expect, it } from 'vitest';
import { guessDestination } from '../../src/import/destinations.ts';

describe('which dashboard slot a series goes to', () => {
  const ages = ['–29 år', '30–49 år', '50– år', 'Totalt'];
  it('age groups and their total go to the monthly sick-leave panel', () => {
    expect(ages.map((a) => guessDestination(a, ages))).toEqual(['X90001_29', 'X90001_30_49', 'X90001_50', 'X90001']);
    expect(['-29', '16-29 år', '30-49', '50-', '50 år och äldre'].map((a) => guessDestination(a, ages))).toEqual([
      'X90001_29',
      'X90001_29',
      'X90001_30_49',
      'X90001_50',
      'X90001_50',
    ]);
    expect(guessDestination('Sjukfrånvaro (%)', ['Sjukfrånvaro (%)'])).toBe('X90001');
  });
  it('exit reasons go to the stacked panel; other names to none', () => {
    const exits = ['Arbete', 'Studier', 'Annan myndighet', 'Övrigt'];
    expect(exits.map((e) => guessDestination(e, exits))).toEqual(['X40001', 'X40002', 'X40003', 'X40004']);
    expect(guessDestination('Totalt', ['Totalt', 'Kostnad'])).toBeNull();
    expect(guessDestination('constructor', [])).toBeNull();
  });
});
