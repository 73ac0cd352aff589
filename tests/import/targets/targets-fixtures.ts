import type { UserTarget } from '../../../src/import/targets/user-targets.ts';

/** Two målvärden the target tests share: a span with a source text, and a single year without. */
export const ystad: UserTarget = {
  municipality_id: '1286',
  kpi: 'U31462',
  target: 90,
  comparison: '>=',
  from: '2022',
  to: '2024',
  source_text: 'Socialnämndens verksamhetsplan 2024; mål 1~a',
};
export const sick: UserTarget = {
  municipality_id: '1861',
  kpi: 'X90001',
  target: 7.5,
  comparison: '<=',
  from: '2023',
  to: '2023',
  source_text: '',
};
