import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/engine/database.ts';
import type { SiteData } from '../../scripts/site/prepare-site-data.ts';
import type { PanelPoint } from '../../src/queries/panel-series.ts';
import { queryPanelSeries } from '../../src/queries/panel-series.ts';
import { queryMemberValues } from '../../src/queries/member-values.ts';
import { queryChangeSpread } from '../../src/queries/change-spread.ts';
import { qualityNotes, unusualChangeThreshold } from '../../src/panels/quality-notes.ts';
import { resolvePeerGroup } from '../../src/peers/peer-group.ts';
import { openRealData } from '../support/real-data.ts';

let db: Database;
let site: SiteData;
beforeAll(async () => ({ db, site } = await openRealData()));
afterAll(() => db?.close());

/** Everything a panel computes for one kommun, KPI and its liknande group, from the real data. */
async function notesFor(kpiId: string, kommunId: string, showRiket = false): Promise<{ notes: string[]; points: PanelPoint[] }> {
  const kommun = site.meta.municipalities.find((m) => m.id === kommunId)!;
  const kpi = site.meta.kpis.find((k) => k.id === kpiId)!;
  const group = resolvePeerGroup(site.meta, kommun, { kind: 'liknande' });
  const points = await queryPanelSeries(db, {
    kpi: kpiId,
    municipalityId: kommunId,
    members: group.members,
    gender: 'T',
    higherIsBetter: kpi.higher_is_better,
  });
  const members = await queryMemberValues(db, { kpi: kpiId, municipalityIds: [kommunId, ...group.members], gender: 'T' });
  const spread = await queryChangeSpread(db, { kpi: kpiId, gender: 'T' });
  const names = new Map(site.meta.municipalities.map((m) => [m.id, m.name]));
  return { points, notes: qualityNotes({ kpi, kommunName: kommun.name, points, members, names, spread, showRiket }) };
}

describe('data-quality notes on the real data', () => {
  it('a zero cost: Norsjö 2020 U31001', async () => {
    const { notes, points } = await notesFor('U31001', '2417');
    expect(points.find((p) => p.period === '2020')?.value).toBe(0);
    expect(notes.some((n) => n.includes('Kostnaden 0') && n.includes('Norsjö 2020'))).toBe(true);
  });
  it('a share of exactly 100 % and a change far outside the usual spread: Hallsberg U40455', async () => {
    const { notes, points } = await notesFor('U40455', '1861');
    const v2022 = points.find((p) => p.period === '2022')!.value;
    expect(v2022).toBe(100);
    expect(notes.some((n) => n.includes('exakt 100') && n.includes('2022'))).toBe(true);
    expect(notes.some((n) => n.startsWith('Förändringen 2021–2022') && n.includes('+51,5'))).toBe(true);
  });
  it('no Riket value from Kolada for U31462 when Riket is ticked, and nothing when it is not', async () => {
    const on = await notesFor('U31462', '1286', true);
    expect(on.points.every((p) => p.riket === null)).toBe(true);
    expect(on.notes.some((n) => n.includes('inget värde för riket') && n.includes('U31462'))).toBe(true);
    const off = await notesFor('U31462', '1286', false);
    expect(off.notes.some((n) => n.includes('riket'))).toBe(false);
  });
  it('says nothing for an ordinary series (Ystad U31462 without Riket has no zero, edge share or jump)', async () => {
    const { notes, points } = await notesFor('U31462', '1286');
    const spread = await queryChangeSpread(db, { kpi: 'U31462', gender: 'T' });
    const t = unusualChangeThreshold(spread)!;
    // the threshold is independent of Ystad: check the series' own largest change is below it
    const changes = points
      .slice(1)
      .map((p, i) => (p.value !== null && points[i].value !== null ? Math.abs(p.value - points[i].value!) : 0));
    expect(Math.max(...changes)).toBeLessThan(t);
    expect(notes).toEqual([]);
  });
});
