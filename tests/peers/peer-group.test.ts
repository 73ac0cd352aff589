import { beforeAll, describe, expect, it } from 'vitest';
import { prepareSiteData } from '../../scripts/site/prepare-site-data.ts';
import { kommuner, type SiteMeta } from '../../src/data/site-meta.ts';
import { resolvePeerGroup, samePeerGroup, type PeerChoice, type PeerGroup } from '../../src/peers/peer-group.ts';
import { koladaDir, readKoladaCsv } from '../support/kolada-dir.ts';
import { defaultFamily, FAMILY_IDS } from '../../src/data/liknande-families.ts';

let meta: SiteMeta;
beforeAll(async () => void ({ meta } = await prepareSiteData(koladaDir())));

describe('peer groups on the real Kolada data', () => {
  it('never contain the kommun itself, for every kommun, kind and liknande edition', () => {
    let checked = 0;
    for (const k of kommuner(meta)) {
      const editions = resolvePeerGroup(meta, k, { kind: 'liknande' }).editions;
      const choices: PeerChoice[] = [
        ...editions.map((edition) => ({ kind: 'liknande' as const, edition })),
        { kind: 'skr' },
        { kind: 'lan' },
        { kind: 'alla' },
        { kind: 'egen', members: [k.id, '0180', '1489'] },
      ];
      for (const c of choices) {
        expect(resolvePeerGroup(meta, k, c).members, `${k.id} ${JSON.stringify(c)}`).not.toContain(k.id);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(290 * 5);
  });

  it('always state the liknande edition in the label and description', () => {
    for (const k of kommuner(meta)) {
      const g = resolvePeerGroup(meta, k, { kind: 'liknande' });
      if (g.members.length === 0) continue;
      expect(g.edition).not.toBeNull();
      expect(g.label).toContain(`utgåva ${g.edition}`);
      expect(g.description).toContain(`utgåva ${g.edition}`);
    }
  });

  it('picks the requested liknande edition when it exists, else the latest', () => {
    const alingsas = meta.municipalities.find((m) => m.id === '1489')!;
    const all = resolvePeerGroup(meta, alingsas, { kind: 'liknande' }).editions;
    expect(all).toContain(2022);
    expect(resolvePeerGroup(meta, alingsas, { kind: 'liknande', edition: 2022 }).edition).toBe(2022);
    expect(resolvePeerGroup(meta, alingsas, { kind: 'liknande', edition: 1999 }).edition).toBe(all.at(-1));
  });
});

describe('liknande families on the real Kolada data', () => {
  const alingsas = () => meta.municipalities.find((m) => m.id === '1489')!;
  /** Members of Kolada's group for a kommun, read straight from municipality_groups_2026-03.csv. */
  const koladaMembers = (title: string) =>
    readKoladaCsv('municipality_groups_2026-03.csv')
      .filter((r) => r.group_title === title)
      .map((r) => r.member_id)
      .sort();

  it('has all twelve families, each with its edition', () => {
    expect(meta.families.map((f) => f.family)).toEqual([...FAMILY_IDS]);
    expect(meta.families.find((f) => f.family === 'ekonomiskt_bistand')!.editions).toEqual([2022, 2023]);
    expect(meta.families.find((f) => f.family === 'aldreomsorg')!.editions).toEqual([2024]);
  });

  it.each([
    ['N18621', 'gymnasieskola', 'Liknande kommuner gymnasieskola, Alingsås, 2024'],
    ['N01951', 'socioekonomi', 'Liknande kommuner socioekonomi, Alingsås, 2024'],
    ['N40011', 'arbetsmarknad', 'Liknande kommuner arbetsmarknad, Alingsås, 2024'],
    ['N00090', 'overgripande', 'Liknande kommuner, övergripande, Alingsås, 2025'],
    ['U31500', 'ekonomiskt_bistand', 'Liknande kommuner ekonomiskt bistånd, Alingsås, 2023'],
  ])('compares %s by default with its area’s family (%s), members as in Kolada', (kpi, family, title) => {
    const g = resolvePeerGroup(meta, alingsas(), { kind: 'liknande' }, kpi);
    expect(g.family).toBe(family);
    expect(g.familyBasis).toBe('auto');
    expect(g.description).toContain(title);
    expect(g.description).toContain('verksamhetsområde');
    expect([...g.members].sort()).toEqual(koladaMembers(title));
  });

  it('uses the family the user chose for every KPI', () => {
    const g = resolvePeerGroup(meta, alingsas(), { kind: 'liknande', family: 'aldreomsorg' }, 'U31462');
    expect(g.family).toBe('aldreomsorg');
    expect(g.familyBasis).toBe('chosen');
    expect(g.label).toBe('Liknande kommuner äldreomsorg (utgåva 2024)');
    expect([...g.members].sort()).toEqual(koladaMembers('Liknande kommuner äldreomsorg, Alingsås, 2024'));
  });

  it('says a kommun’s groups are pending while its group file is not loaded', () => {
    const served = { ...meta, groups: meta.groups.filter((g) => !g.kind.startsWith('liknande')), lazyGroups: ['1489'] };
    const g = resolvePeerGroup(served, alingsas(), { kind: 'liknande' }, 'U31462');
    expect(g.pending).toBe(true);
    expect(g.members).toEqual([]);
  });

  it('gives the same object for the same inputs, and a new one once the groups arrive', () => {
    const served = { ...meta, groups: meta.groups.filter((g) => !g.kind.startsWith('liknande')), lazyGroups: ['1489'] };
    const first = resolvePeerGroup(served, alingsas(), { kind: 'liknande' }, 'U31462');
    expect(resolvePeerGroup(served, alingsas(), { kind: 'liknande' }, 'U31462')).toBe(first);
    // a copy of the choice and the KPI's family still resolve to the cached group
    expect(resolvePeerGroup(served, alingsas(), JSON.parse(JSON.stringify({ kind: 'liknande' })), 'U31462')).toBe(first);
    // other kommuners' groups arriving (a new groups array) leave Alingsås' group the same object
    served.groups = [...served.groups, ...meta.groups.filter((g) => g.owner === '1286')];
    expect(resolvePeerGroup(served, alingsas(), { kind: 'liknande' }, 'U31462')).toBe(first);
    served.groups = meta.groups;
    served.lazyGroups = [];
    const arrived = resolvePeerGroup(served, alingsas(), { kind: 'liknande' }, 'U31462');
    expect(arrived).not.toBe(first);
    expect(arrived.pending).toBe(false);
    expect([...arrived.members].sort()).toEqual(
      koladaMembers('Liknande kommuner ekonomiskt bistånd, Alingsås, 2023')
        .filter((id) => id !== '1489')
        .sort(),
    );
  });
});

describe('default family per operating area over the full catalogue', () => {
  const rows = () => readKoladaCsv('kpi_metadata_2026-03.csv');
  it('sends äldreomsorg KPIs to äldreomsorg, LSS KPIs to LSS, school KPIs to their school family', () => {
    const area = (a: string) => rows().filter((r) => r.operating_area === a);
    const aldre = area('Äldre och funktionshinder').filter(
      (r) => /äldreomsorg/i.test(r.title) && !/LSS|funktionsnedsättning/i.test(r.title),
    );
    expect(aldre.length).toBeGreaterThan(100);
    for (const r of aldre) expect(defaultFamily(r.operating_area, r.title), r.id).toBe('aldreomsorg');
    for (const r of area('Äldre och funktionshinder').filter((r) => /\bLSS\b/.test(r.title)))
      expect(defaultFamily(r.operating_area, r.title), r.id).toBe('lss');
    for (const r of area('Gymnasieskola åk 1-3')) expect(defaultFamily(r.operating_area, r.title), r.id).toBe('gymnasieskola');
    for (const r of area('Förskoleverksamhet').filter((r) => !/fritidshem/i.test(r.title)))
      expect(defaultFamily(r.operating_area, r.title), r.id).toBe('forskola');
  });

  it('gives every catalogue KPI a family that exists in the data', () => {
    const present = new Set(meta.families.map((f) => f.family));
    const used = new Set(rows().map((r) => defaultFamily(r.operating_area, r.title)));
    for (const f of used) expect(present.has(f), f).toBe(true);
    expect(used.size).toBeGreaterThanOrEqual(11);
  });
});

describe('samePeerGroup', () => {
  const g = {
    kind: 'liknande',
    label: 'Liknande kommuner ekonomiskt bistånd (utgåva 2022)',
    description: 'x',
    members: ['0180', '1480'],
    edition: 2022,
    editions: [2022, 2023],
    family: 'ekonomiskt_bistand',
    familyBasis: 'auto',
    pending: false,
  } as PeerGroup;
  it('is true for a copy and false when any field or the member order differs', () => {
    expect(samePeerGroup(g, { ...g, members: [...g.members], editions: [...g.editions] })).toBe(true);
    for (const change of [
      { members: ['1480', '0180'] },
      { members: ['0180'] },
      { label: 'y' },
      { description: 'y' },
      { edition: 2023 },
      { editions: [2022] },
      { pending: true },
      { familyBasis: 'chosen' },
      { family: 'aldreomsorg' },
      { kind: 'skr' },
    ])
      expect(samePeerGroup(g, { ...g, ...change } as PeerGroup), JSON.stringify(change)).toBe(false);
  });
});
