import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Which way is better for each KPI, from the one table `kpi-directions.csv` beside this module
 * (`id,direction,basis`; direction `higher`, `lower` or `neither`). A KPI not in the table is
 * `neither`: ranks then run from the highest value and say so, and no value is called better.
 */
export type Direction = 'higher' | 'lower' | 'neither';

export const DIRECTIONS_FILE = fileURLToPath(new URL('./kpi-directions.csv', import.meta.url));

export interface DirectionRow {
  id: string;
  direction: Direction;
  /** `manuell` (judged from the definition), `regel: …` (a title rule of scripts/seed-kpi-directions.ts) or `okänd` */
  basis: string;
}

export function parseDirections(text: string): DirectionRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines[0] !== 'id,direction,basis') throw new Error('kpi-directions.csv: expected the header id,direction,basis');
  return lines.slice(1).map((line, i) => {
    const [id, direction, ...basis] = line.split(',');
    if (!id || !['higher', 'lower', 'neither'].includes(direction)) throw new Error(`kpi-directions.csv:${i + 2}: bad row "${line}"`);
    return { id, direction: direction as Direction, basis: basis.join(',') };
  });
}

let table: Map<string, Direction> | null = null;

/** The direction table, read once. */
export function directions(): ReadonlyMap<string, Direction> {
  table ??= new Map(parseDirections(readFileSync(DIRECTIONS_FILE, 'utf8')).map((r) => [r.id, r.direction]));
  return table;
}

/** `Kpi.higher_is_better` for an id: true, false, or null when neither (or unknown). */
export function higherIsBetter(id: string): boolean | null {
  const d = directions().get(id);
  return d === 'higher' ? true : d === 'lower' ? false : null;
}
