import type { PanelPoint } from '../../src/queries/panel-series.ts';

/** A panel point with plausible statistics (kommun ranked 3rd of all, 2nd in its group of 7); `extra` overrides. */
export const panelPoint = (period: string, value: number | null, extra: Partial<PanelPoint> = {}): PanelPoint => ({
  period,
  value,
  status: null,
  riket: null,
  allMean: 50,
  allN: 200,
  allQ1: 40,
  allQ3: 60,
  groupMean: 60,
  groupMedian: 60,
  groupMin: 40,
  groupMax: 80,
  groupQ1: 50,
  groupQ3: 70,
  groupN: 7,
  groupSize: 7,
  rankAll: value === null ? null : 3,
  rankGroup: value === null ? null : 2,
  ...extra,
});
