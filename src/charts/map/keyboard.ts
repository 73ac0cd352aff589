export type Direction = 'left' | 'right' | 'up' | 'down';

const VECTORS: Record<Direction, [number, number]> = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] };

/**
 * The kommun an arrow key moves to: the nearest centroid lying in that direction, where straying
 * sideways counts double. Stays put at the edge of the map.
 */
export function nextInDirection(centroids: ReadonlyMap<string, [number, number]>, from: string, dir: Direction): string {
  const origin = centroids.get(from);
  if (!origin) return from;
  const [vx, vy] = VECTORS[dir];
  let best = from;
  let bestScore = Infinity;
  for (const [id, [x, y]] of centroids) {
    const dx = x - origin[0];
    const dy = y - origin[1];
    const along = dx * vx + dy * vy;
    if (id === from || along <= 0) continue;
    const across = Math.abs(dx * vy - dy * vx);
    const score = along + 2 * across;
    if (score < bestScore) [best, bestScore] = [id, score];
  }
  return best;
}
