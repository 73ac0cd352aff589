import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDirectory } from '../../src/data/load-directory.ts';
import { DataDirectoryError } from '../../src/data/load-tables.ts';

function sampleCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jamfor-bad-'));
  cpSync('data/sample', dir, { recursive: true });
  return dir;
}

async function problems(dir: string) {
  try {
    const { db } = await loadDirectory(dir);
    await db.close();
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(DataDirectoryError);
    return (e as DataDirectoryError).problems;
  }
}

describe('loadDirectory', () => {
  it('loads the embedded sample without problems and keeps ids as text', async () => {
    const { db, manifest } = await loadDirectory('data/sample');
    expect(manifest.sample).toBe(true);
    const r = await db.query<{ id: string }>(`SELECT id FROM municipalities WHERE id = '0180'`);
    expect(r[0].id).toBe('0180');
    await db.close();
  });

  it('reports every bad row with file, line and reason', async () => {
    const dir = sampleCopy();
    writeFileSync(
      join(dir, 'values.csv'),
      ['kpi,municipality_id,period,gender,value', 'U31462,1286,2021,T,92', 'U31462,180,2021,T,5', 'U31462,1286,20211,T,5', 'U31462,1286,2022,X,5', 'U31462,1286,2023,T,abc', 'NOPE,1286,2021,T,1', 'U31462,1286,2021,T,93'].join('\n'),
    );
    const p = await problems(dir);
    const at = (line: number) => p.find((x) => x.file === 'values.csv' && x.line === line)?.reason ?? '';
    expect(at(3)).toMatch(/fyra siffror/);
    expect(at(4)).toMatch(/period/);
    expect(at(5)).toMatch(/T, K eller M/);
    expect(at(6)).toMatch(/inget tal/);
    expect(at(7)).toMatch(/finns inte i kpis\.csv/);
    expect(at(2)).toMatch(/flera gånger/);
    expect(at(8)).toMatch(/flera gånger/);
  });

  it('reports missing files and columns instead of failing silently', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jamfor-empty-'));
    writeFileSync(join(dir, 'values.csv'), 'kpi,municipality_id,period\n');
    const p = await problems(dir);
    expect(p.map((x) => x.file)).toEqual(expect.arrayContaining(['kpis.csv', 'municipalities.csv']));
    const dir2 = sampleCopy();
    writeFileSync(join(dir2, 'kpis.csv'), 'id,title\nU31462,x\n');
    const p2 = await problems(dir2);
    expect(p2.some((x) => x.file === 'kpis.csv' && /kolumnen "unit" saknas/.test(x.reason))).toBe(true);
  });

  it('rejects a kommun listed in its own group and unknown group kinds', async () => {
    const dir = sampleCopy();
    writeFileSync(join(dir, 'groups.csv'), 'group_id,title,kind,edition,owner_id,member_id\nG1,x,liknande_ekonomiskt_bistand,2022,1286,1286\nG2,y,weird,,,0180\n');
    const p = await problems(dir);
    expect(p.find((x) => x.line === 2)?.reason).toMatch(/sin egen grupp/);
    expect(p.find((x) => x.line === 3)?.reason).toMatch(/okänd/);
  });
});
