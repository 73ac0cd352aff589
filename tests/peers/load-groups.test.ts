// Also prepareKommun (src/state/prepare-kommun.ts), which shares this fixture site.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic, type StaticServer } from '../../scripts/site/static-server.ts';
import { ALL_KOMMUN_GROUPS_FILE, kommunGroupsFile, type GroupDef, type SiteMeta } from '../../src/data/site-meta.ts';

const KOMMUNER = ['0114', '0115', '1286'];
const group = (owner: string, kind: string): GroupDef =>
  ({
    id: `G-${owner}-${kind}`,
    title: `Liknande kommuner ${kind}, ${owner}`,
    kind,
    edition: 2022,
    owner,
    members: ['0180', '1480'],
  }) as GroupDef;
const ALL = KOMMUNER.flatMap((k) => [group(k, 'liknande_ekonomiskt_bistand'), group(k, 'liknande_aldreomsorg')]);
const meta = (): SiteMeta => ({ groups: [], lazyGroups: [...KOMMUNER] }) as unknown as SiteMeta;

/** a site root with every kommun's own groups file, and groups-all.json unless `withAll` is false */
function site(withAll: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'jamfor-groups-'));
  mkdirSync(join(dir, 'data'));
  if (withAll) writeFileSync(join(dir, 'data', ALL_KOMMUN_GROUPS_FILE), JSON.stringify(ALL));
  for (const k of KOMMUNER) writeFileSync(join(dir, 'data', kommunGroupsFile(k)), JSON.stringify(ALL.filter((g) => g.owner === k)));
  return dir;
}

const dirs: string[] = [];
let full: StaticServer;
let withoutAll: StaticServer;
let asked: string[];
const realFetch = globalThis.fetch;
beforeAll(async () => {
  dirs.push(site(true), site(false));
  [full, withoutAll] = await Promise.all(dirs.map((d) => serveStatic(d)));
});
afterAll(async () => {
  await Promise.all([full.close(), withoutAll.close()]);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
// the modules keep what they loaded for the page's life: fresh ones per test
beforeEach(() => {
  vi.resetModules();
  asked = [];
  globalThis.fetch = (u, init) => (asked.push(String(u)), realFetch(u, init));
});
afterEach(() => void (globalThis.fetch = realFetch));
const owners = (m: SiteMeta) => m.groups.map((g) => `${g.owner} ${g.kind}`).sort();

describe('ensureAllKommunGroups', () => {
  it('adds every kommun still without its groups from one file, once; a kommun asked later needs no fetch', async () => {
    const { ensureAllKommunGroups, ensureKommunGroups } = await import('../../src/peers/load-groups.ts');
    const m = meta();
    await Promise.all([ensureAllKommunGroups(m, full.url), ensureAllKommunGroups(m, full.url)]);
    expect(m.lazyGroups).toEqual([]);
    expect(owners(m)).toEqual(ALL.map((g) => `${g.owner} ${g.kind}`).sort());
    await ensureKommunGroups(m, full.url, '0115');
    expect(m.groups).toHaveLength(ALL.length);
    expect(asked.map((u) => new URL(u).pathname)).toEqual([`/data/${ALL_KOMMUN_GROUPS_FILE}`]);
  });

  it("reads the file at the moment `quiet` gives, unless a kommun needs its groups before: then at once, every kommun's, without a fetch of its own", async () => {
    const { ensureAllKommunGroups, ensureKommunGroups } = await import('../../src/peers/load-groups.ts');
    const m = meta();
    let letRead = () => {};
    let waiting = false;
    const all = ensureAllKommunGroups(m, full.url, () => ((waiting = true), new Promise<void>((r) => (letRead = r))));
    await vi.waitFor(() => expect(waiting).toBe(true));
    expect(m.groups).toEqual([]);
    await ensureKommunGroups(m, full.url, '0115');
    // one replacement of the groups for all kommuner: each one makes the page resolve its panels' groups again
    const added = m.groups;
    expect(m.lazyGroups).toEqual([]);
    expect(owners(m)).toEqual(ALL.map((g) => `${g.owner} ${g.kind}`).sort());
    letRead();
    await all;
    expect(m.groups).toBe(added);
    await ensureKommunGroups(m, full.url, '1286');
    expect(m.groups).toBe(added);
    expect(asked.map((u) => new URL(u).pathname)).toEqual([`/data/${ALL_KOMMUN_GROUPS_FILE}`]);
  });

  it('leaves a kommun whose own file is on its way to that file: no group twice', async () => {
    const { ensureAllKommunGroups, ensureKommunGroups } = await import('../../src/peers/load-groups.ts');
    const m = meta();
    await Promise.all([ensureKommunGroups(m, full.url, '1286'), ensureAllKommunGroups(m, full.url)]);
    expect(m.lazyGroups).toEqual([]);
    expect(owners(m)).toEqual(ALL.map((g) => `${g.owner} ${g.kind}`).sort());
  });

  it('without the file (an older build) changes nothing, and each kommun still gets its own', async () => {
    const { ensureAllKommunGroups, ensureKommunGroups } = await import('../../src/peers/load-groups.ts');
    const m = meta();
    await ensureAllKommunGroups(m, withoutAll.url);
    expect(m.lazyGroups).toEqual(KOMMUNER);
    expect(m.groups).toEqual([]);
    await ensureKommunGroups(m, withoutAll.url, '0114');
    expect(owners(m)).toEqual(['0114 liknande_aldreomsorg', '0114 liknande_ekonomiskt_bistand']);
    expect(m.lazyGroups).toEqual(['0115', '1286']);
  });
});

describe('prepareKommun', () => {
  const seedable = (holds: boolean) => ({
    seeded: 0,
    seed() {
      this.seeded++;
      return true;
    },
    holds: () => holds,
  });

  it("fetches no build-time answers when the page holds the default panels' KPIs", async () => {
    const { prepareKommun } = await import('../../src/state/prepare-kommun.ts');
    const m = meta();
    await prepareKommun(m, seedable(true), full.url, '0114', ['U31462']);
    expect(asked.map((u) => new URL(u).pathname)).toEqual([`/data/${kommunGroupsFile('0114')}`]);
    expect(owners(m)).toEqual(['0114 liknande_aldreomsorg', '0114 liknande_ekonomiskt_bistand']);
  });

  it('fetches them otherwise, or when the caller names no KPIs (a missing file only means the engine answers)', async () => {
    const { prepareKommun } = await import('../../src/state/prepare-kommun.ts');
    const m = meta();
    await prepareKommun(m, seedable(false), full.url, '0114', ['U31462']);
    expect(asked.map((u) => new URL(u).pathname).sort()).toEqual(['/data/answers-0114.json', `/data/${kommunGroupsFile('0114')}`]);
    await prepareKommun(m, seedable(true), full.url, '0115');
    expect(asked.map((u) => new URL(u).pathname)).toContain('/data/answers-0115.json');
  });
});
