export interface Stack {
  period: string;
  total: number;
  /** each category's share of the period's total in %, stacked from y0 to y1 */
  segments: { ci: number; share: number; y0: number; y1: number }[];
}

/** Counts per period → shares of 100 % stacked in category order; missing counts count as 0. */
export function stackShares(xs: string[], values: (number | null)[][]): Stack[] {
  return xs.map((period, xi) => {
    const row = values[xi] ?? [];
    const total = row.reduce<number>((s, v) => s + (v ?? 0), 0);
    let acc = 0;
    return {
      period,
      total,
      segments: row.map((v, ci) => {
        const share = total > 0 ? ((v ?? 0) / total) * 100 : 0;
        const seg = { ci, share, y0: acc, y1: acc + share };
        acc += share;
        return seg;
      }),
    };
  });
}
