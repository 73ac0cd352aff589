import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/svelte';
import RankChart from '../../src/charts/RankChart.svelte';
import RankTable from '../../src/pages/ranking/RankTable.svelte';
import { buildRankSpec } from '../../src/panels/rank-spec.ts';
import type { Kpi, Manifest } from '../../src/data/contract.ts';
import type { RankingRow } from '../../src/queries/ranking.ts';
import type { PeerGroup } from '../../src/peers/peer-group.ts';

afterEach(cleanup);

const kpi: Kpi = {
  id: 'U99999',
  title: 'Påhittat nyckeltal',
  unit: '%',
  is_divided_by_gender: false,
  description: '',
  source: 'Kolada (RKA)',
  higher_is_better: true,
  parent: null,
  breakdown: null,
};
const manifest: Manifest = { name: 'T', sample: false, retrieved: null, source: 'Kolada (RKA)', licence: '' };
const ids = Array.from({ length: 60 }, (_, i) => String(1000 + i));
const names = new Map(ids.map((id, i) => [id, `Kommun${String.fromCharCode(65 + (i % 26))}${i}`]));
/** Synthetic: descending values, two ties, the last three without value (one with a status). */
const rows: RankingRow[] = ids.map((id, i) => {
  if (i >= 57) return { id, value: null, status: i === 57 ? '..' : null, place: null };
  const value = 100 - Math.floor(i * 1.5);
  return { id, value, status: null, place: 0 };
});
rows.forEach((r, i) => {
  if (r.value !== null) r.place = rows.findIndex((x) => x.value === r.value) + 1;
  void i;
});
// peers packed next to each other so their names compete for room
const group: PeerGroup = {
  kind: 'liknande',
  label: 'Liknande kommuner (utgåva 2022)',
  description: '',
  members: ['1010', '1011', '1012', '1013', '1040', '1058'],
  edition: 2022,
  editions: [2022],
};
const spec = () => buildRankSpec({ kpi, period: '2022', gender: 'T', rows, names, focusId: '1012', group, manifest });

describe('RankChart', () => {
  for (const width of [800, 390]) {
    it(`draws only kommuner with a value and names the kommun and every peer with a value (${width} px)`, () => {
      const { container } = render(RankChart, { spec: spec(), width });
      expect(container.querySelectorAll('rect[data-role]')).toHaveLength(57);
      expect(container.querySelector('rect[data-role="focus"]')?.getAttribute('stroke')).toBe('#1a1a1a');
      const labels = [...container.querySelectorAll('.bar-label')].map((g) => [g.getAttribute('data-role'), g.textContent?.trim()]);
      expect(labels).toEqual([
        ['peer', names.get('1010')],
        ['peer', names.get('1011')],
        ['focus', `${names.get('1012')} 82\u00a0%`],
        ['peer', names.get('1013')],
        ['peer', names.get('1040')],
      ]);
    });

    it(`keeps names on the same row apart (${width} px)`, () => {
      const { container } = render(RankChart, { spec: spec(), width });
      const boxes = [...container.querySelectorAll('.bar-label text')].map((t) => ({
        y: t.getAttribute('y'),
        x: Number(t.getAttribute('x')),
        w: (t.textContent ?? '').length * 11.5 * 0.52,
      }));
      for (const a of boxes) for (const b of boxes) if (a !== b && a.y === b.y) expect(a.x + a.w <= b.x || b.x + b.w <= a.x).toBe(true);
    });
  }

  it('keys the quartile colours in the legend, names the group under its bars and states the missing kommuner', () => {
    const { container } = render(RankChart, { spec: spec(), width: 800 });
    const legend = [...container.querySelectorAll('.legend-item text')].map((t) => t.textContent);
    expect(legend).toEqual(['bästa fjärdedelen', 'mittersta hälften', 'sämsta fjärdedelen']);
    expect(container.querySelectorAll('.bar-label[data-role="peer"]').length).toBeGreaterThan(0);
    expect(container.querySelector('svg')?.textContent).toContain('3 kommuner saknar värde 2022');
  });
});

describe('RankTable', () => {
  it('lists every kommun by place, with the status marker for a missing value, and sorts by name', async () => {
    const { container, getByRole } = render(RankTable, { table: spec().table, open: true });
    const firstCol = () => [...container.querySelectorAll('tbody th')].map((t) => t.textContent);
    expect(firstCol()).toHaveLength(60);
    expect(firstCol()[0]).toBe(names.get('1000'));
    const r57 = container.querySelectorAll('tbody tr')[57];
    expect([...r57.querySelectorAll('td')].map((t) => t.textContent)).toEqual(['–', '..', 'värde saknas', '']);
    expect(container.querySelector('.table-notes')?.textContent).toContain('".." = sekretess');
    await fireEvent.click(getByRole('button', { name: /Kommun/ }));
    const sorted = [...firstCol()].sort((a, b) => a!.localeCompare(b!, 'sv'));
    expect(firstCol()).toEqual(sorted);
    expect(container.querySelector('th[aria-sort="ascending"]')?.textContent).toContain('Kommun');
  });
});
