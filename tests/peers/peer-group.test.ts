import { beforeAll, describe, expect, it } from 'vitest';
import { prepareSiteData } from '../../scripts/site/prepare-site-data.ts';
import { kommuner, type SiteMeta } from '../../src/data/site-meta.ts';
import { resolvePeerGroup, type PeerChoice } from '../../src/peers/peer-group.ts';
import { koladaDir } from '../support/kolada-dir.ts';

let meta: SiteMeta;
beforeAll(async () => void ({ meta } = await prepareSiteData(koladaDir())));

describe('peer groups on the real Kolada data', () => {
  it('never contain the kommun itself, for every kommun, kind and liknande edition', () => {
    let checked = 0;
    for (const k of kommuner(meta)) {
      const editions = resolvePeerGroup(meta, k, { kind: 'liknande' }).editions;
      const choices: PeerChoice[] = [
        ...editions.map((edition) => ({ kind: 'liknande' as const, edition })),
        { kind: 'skr' }, { kind: 'lan' }, { kind: 'alla' },
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
