import { describe, expect, it } from 'vitest';
import { nextInDirection } from '../../../src/charts/map/keyboard.ts';

// a 3 × 3 grid of centroids, ids "r,c"; y grows downwards as on screen
const grid = new Map<string, [number, number]>();
for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) grid.set(`${r},${c}`, [c * 10, r * 10]);

describe('nextInDirection (arrow keys on the map)', () => {
  it('moves to the nearest neighbour in the direction of the key', () => {
    expect(nextInDirection(grid, '1,1', 'left')).toBe('1,0');
    expect(nextInDirection(grid, '1,1', 'right')).toBe('1,2');
    expect(nextInDirection(grid, '1,1', 'up')).toBe('0,1');
    expect(nextInDirection(grid, '1,1', 'down')).toBe('2,1');
  });

  it('prefers going straight over a nearer kommun off to the side', () => {
    const m = new Map<string, [number, number]>([
      ['a', [0, 0]],
      ['side', [4, 6]],
      ['straight', [12, 0]],
    ]);
    expect(nextInDirection(m, 'a', 'right')).toBe('straight');
  });

  it('stays put at the edge and for an unknown id', () => {
    expect(nextInDirection(grid, '0,0', 'up')).toBe('0,0');
    expect(nextInDirection(grid, '2,2', 'right')).toBe('2,2');
    expect(nextInDirection(grid, 'x', 'left')).toBe('x');
  });
});
