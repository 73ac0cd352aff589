import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../src/export/download.ts';

describe('safe file names', () => {
  it('are ASCII, without path separators or spaces', () => {
    expect(safeFileName('U31462_1286_liknande', '.png')).toBe('U31462_1286_liknande.png');
    expect(safeFileName('Åre/Malå ../x y', '.csv')).toBe('Are_Mala_x_y.csv');
    expect(safeFileName('', '.svg')).toBe('diagram.svg');
    expect(safeFileName('\u202e<>:"|?*', '.zip')).toBe('diagram.zip');
  });
});
