import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Kpi } from '../../src/data/contract.ts';
import type { SiteMeta } from '../../src/data/site-meta.ts';
import { rankingChoices, kpiOptions } from '../../src/pages/ranking/ranking-choices.ts';
import { DEFAULT_VIEW, parseView, serializeView } from '../../src/state/view-state.ts';
import { statusFootnotes } from '../../src/panels/status.ts';
import { PROTO_NAMES } from './proto-names.ts';

/**
 * Keys that come from data (KPI ids, statuses, panel ids in the URL) named like members of
 * Object.prototype must behave like any other key (issue 19 item 3, outside src/import/).
 */
const PROPERTY_RUNS = 2000;

const kpi = (id: string): Kpi => ({
  id,
  title: `Titel ${id}`,
  unit: '%',
  is_divided_by_gender: false,
  description: '',
  source: 'Kolada',
  higher_is_better: true,
  parent: null,
  breakdown: null,
});

function meta(ids: string[], periods: [string, string[]][]): SiteMeta {
  return {
    manifest: { name: 't', sample: true } as SiteMeta['manifest'],
    kpis: ids.map(kpi),
    municipalities: [{ id: '1286', name: 'Ystad', type: 'K', county_code: '12' } as SiteMeta['municipalities'][number]],
    groups: [],
    targets: [],
    periods: Object.fromEntries(periods),
    facts: {},
    families: [],
    catalogueSize: ids.length,
  };
}

describe('ranking page choices', () => {
  it.each(PROTO_NAMES)('?kpi=%s without such a KPI falls back to the default and says the KPI is unknown', (name) => {
    const m = meta(['U31462', name], [['U31462', ['2021', '2022']]]);
    const c = rankingChoices(m, parseView(`?kpi=${encodeURIComponent(name)}`));
    if (/^[A-Za-z0-9_]{1,32}$/.test(name)) expect(c.unknownKpi).toBe(name);
    expect(c.kpi?.id).toBe('U31462');
    expect(c.periods).toEqual(['2022', '2021']);
    expect(kpiOptions(m).flatMap((g) => g.kpis.map((k) => k.id))).toEqual(['U31462']);
  });

  it.each(PROTO_NAMES)('a KPI named %s with data ranks like any other', (name) => {
    const m = meta(
      ['U31462', name],
      [
        ['U31462', ['2022']],
        [name, ['2019', '2020']],
      ],
    );
    if (!/^[A-Za-z0-9_]{1,32}$/.test(name)) return;
    const c = rankingChoices(m, parseView(`?kpi=${name}`));
    expect(c.kpi?.id).toBe(name);
    expect(c.periods).toEqual(['2020', '2019']);
    expect(c.unknownKpi).toBeNull();
  });

  it('never throws for any KPI ids and periods (property)', () => {
    const id = fc.oneof(fc.constantFrom(...PROTO_NAMES), fc.stringMatching(/^[A-Za-z0-9_]{1,8}$/));
    fc.assert(
      fc.property(
        fc.uniqueArray(id, { maxLength: 6 }),
        fc.array(fc.tuple(id, fc.array(fc.constantFrom('2020', '2021'), { minLength: 1, maxLength: 2 })), { maxLength: 4 }),
        id,
        (ids, periods, asked) => {
          const c = rankingChoices(meta(ids, periods), parseView(`?kpi=${asked}`));
          expect(Array.isArray(c.periods)).toBe(true);
          if (c.kpi) expect(ids).toContain(c.kpi.id);
        },
      ),
      { numRuns: PROPERTY_RUNS },
    );
  });
});

describe('view state', () => {
  it.each(PROTO_NAMES.filter((n) => /^[A-Za-z0-9_]{1,32}$/.test(n)))('a panel id %s in the URL round-trips as plain data', (name) => {
    const v = parseView(`?p.${name}=U31462`);
    expect(Object.keys(v.panelKpi)).toEqual([name]);
    expect(v.panelKpi[name]).toBe('U31462');
    expect(serializeView(v)).toBe(`?p.${name}=U31462`);
    expect(parseView('').panelKpi[name]).toBeUndefined();
    expect(DEFAULT_VIEW.panelKpi[name]).toBeUndefined();
  });
});

describe('status footnotes', () => {
  it.each(PROTO_NAMES)('a status %s is explained as a Kolada marker, not by a built-in', (name) => {
    expect(statusFootnotes([name])).toEqual([`"${name}" = statusmarkering från Kolada`]);
  });
});
