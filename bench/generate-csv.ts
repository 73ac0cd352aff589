import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { dirname } from 'node:path';

/**
 * Synthetic long CSV in the contract's values.csv format (kpi,municipality_id,period,gender,value,status)
 * with a unique key per row: 290 kommuner + Riket × 25 years × 3 genders per KPI, as many KPIs as the
 * row count needs. Values are pseudo-random (seeded), about 1 % missing with a status marker.
 */
export const SYNTHETIC = {
  municipalities: ['0000', ...Array.from({ length: 290 }, (_, i) => String(1001 + i))],
  periods: Array.from({ length: 25 }, (_, i) => String(2000 + i)),
  genders: ['T', 'K', 'M'] as const,
};
export const ROWS_PER_KPI = SYNTHETIC.municipalities.length * SYNTHETIC.periods.length * SYNTHETIC.genders.length;

export function syntheticKpi(k: number): string {
  return `B${String(k).padStart(5, '0')}`;
}

/** The CSV lines for rows [from, to) (no header), deterministic for a given index. */
export function syntheticLines(from: number, to: number): string {
  const { municipalities: ms, periods: ps, genders: gs } = SYNTHETIC;
  let out = '';
  for (let i = from; i < to; i++) {
    const g = i % 3;
    const p = Math.floor(i / 3) % ps.length;
    const m = Math.floor(i / (3 * ps.length)) % ms.length;
    const k = Math.floor(i / ROWS_PER_KPI);
    const h = hash(i);
    const missing = h % 100 === 0;
    const value = missing ? '' : ((h % 100000) / 100).toFixed(h % 3);
    out += `${syntheticKpi(k)},${ms[m]},${ps[p]},${gs[g]},${value},${missing ? '..' : ''}\n`;
  }
  return out;
}

function hash(i: number): number {
  let x = (i + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Writes `rows` rows to `file` unless a file of that row count is already there (size marker in the name). */
export async function generateCsv(file: string, rows: number): Promise<{ file: string; bytes: number; reused: boolean }> {
  if (existsSync(file)) return { file, bytes: statSync(file).size, reused: true };
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  const out = createWriteStream(tmp);
  out.write('kpi,municipality_id,period,gender,value,status\n');
  const chunk = 50_000;
  for (let i = 0; i < rows; i += chunk) {
    if (!out.write(syntheticLines(i, Math.min(rows, i + chunk)))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const { renameSync } = await import('node:fs');
  renameSync(tmp, file);
  return { file, bytes: statSync(file).size, reused: false };
}
