import { describe, expect, it } from 'vitest';
import { missingExtras, stablePanelList, visiblePanels } from '../../src/panels/panel-list.ts';
import { PANELS } from '../../src/panels/panels.config.ts';
import type { SiteMeta } from '../../src/data/site-meta.ts';

const kpiIds = [...new Set(PANELS.flatMap((p) => p.kpis)), 'N00001'];
const meta = { kpis: kpiIds.map((id) => ({ id })) } as unknown as SiteMeta;
const view = (panelKpi: Record<string, string> = {}, extra: string[] = []) => ({ panelKpi, extra });

describe('stablePanelList', () => {
  it('returns the same entry objects while panel and KPI stay the same, also for panels added through the search', () => {
    const keep = stablePanelList();
    const first = keep(visiblePanels(meta, view({}, ['N00001'])));
    const again = keep(visiblePanels(meta, view({}, ['N00001'])));
    expect(again).toBe(first);
    // a fresh list is made of new objects, so the test above means something
    expect(visiblePanels(meta, view({}, ['N00001']))[0]).not.toBe(first[0]);
  });

  it('gives a new entry only to the panel whose KPI changed', () => {
    const panel = PANELS.find((p) => p.kpis.length > 1)!;
    const keep = stablePanelList();
    const before = keep(visiblePanels(meta, view()));
    const after = keep(visiblePanels(meta, view({ [panel.id]: panel.kpis[1] })));
    expect(after).not.toBe(before);
    for (const [i, entry] of after.entries()) {
      if (entry.panel.id === panel.id) {
        expect(entry).not.toBe(before[i]);
        expect(entry.kpi).toBe(panel.kpis[1]);
      } else expect(entry).toBe(before[i]);
    }
  });

  it('drops entries that left the list, so coming back builds them afresh', () => {
    const keep = stablePanelList();
    const withExtra = keep(visiblePanels(meta, view({}, ['N00001'])));
    const extra = withExtra.find((e) => e.kpi === 'N00001')!;
    keep(visiblePanels(meta, view()));
    const back = keep(visiblePanels(meta, view({}, ['N00001'])));
    expect(back.find((e) => e.kpi === 'N00001')).not.toBe(extra);
  });
});

describe('visiblePanels and missingExtras when imports change the KPI list', () => {
  it('follow a replaced list: a KPI added by an import gets its panel, a removed one is missing again', () => {
    const m = { kpis: kpiIds.map((id) => ({ id })) } as unknown as SiteMeta;
    expect(missingExtras(m, ['EGEN_1'])).toEqual(['EGEN_1']);
    expect(visiblePanels(m, view({}, ['EGEN_1'])).some((p) => p.kpi === 'EGEN_1')).toBe(false);
    m.kpis = [...m.kpis, { id: 'EGEN_1' } as SiteMeta['kpis'][number]];
    expect(missingExtras(m, ['EGEN_1'])).toEqual([]);
    expect(visiblePanels(m, view({}, ['EGEN_1'])).some((p) => p.kpi === 'EGEN_1')).toBe(true);
    m.kpis = m.kpis.filter((k) => k.id !== 'EGEN_1');
    expect(missingExtras(m, ['EGEN_1'])).toEqual(['EGEN_1']);
  });
});
