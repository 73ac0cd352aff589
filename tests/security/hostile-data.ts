import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { PAYLOADS } from './payloads.ts';

/** Payloads usable inside CSV data (a NUL byte is refused by the loader, as it should be). */
export const DATA_PAYLOADS = PAYLOADS.filter((p) => !p.includes('\u0000'));

/**
 * A small contract directory derived from the sample in which kommun names, län names, KPI titles,
 * units, group titles and target texts are hostile strings.
 */
export function writeHostileDirectory(): { dir: string; kommunIds: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'jamfor-hostile-'));
  cpSync('data/sample', dir, { recursive: true });
  const fields: Record<string, string[]> = {};
  const read = (f: string) => {
    const r = Papa.parse<Record<string, string>>(readFileSync(join(dir, f), 'utf8'), { header: true, skipEmptyLines: true });
    fields[f] = r.meta.fields ?? [];
    return r.data;
  };
  const write = (f: string, rows: Record<string, string>[]) =>
    writeFileSync(
      join(dir, f),
      Papa.unparse({ fields: fields[f], data: rows.map((r) => fields[f].map((c) => r[c] ?? '')) }, { quotes: true, newline: '\n' }) + '\n',
    );

  const munis = read('municipalities.csv');
  const kommuner = munis.filter((m) => !m.id.startsWith('00')).slice(0, DATA_PAYLOADS.length);
  const keep = new Set(['0000', ...kommuner.map((k) => k.id)]);
  kommuner.forEach((k, i) => {
    k.name = DATA_PAYLOADS[i];
    k.county_name = DATA_PAYLOADS[(i + 7) % DATA_PAYLOADS.length];
    k.skr_group_name = DATA_PAYLOADS[(i + 13) % DATA_PAYLOADS.length];
  });
  write(
    'municipalities.csv',
    munis.filter((m) => keep.has(m.id)),
  );

  const kpis = read('kpis.csv');
  kpis.forEach((k, i) => {
    k.title = `${DATA_PAYLOADS[(i * 5) % DATA_PAYLOADS.length]} (${k.id})`;
    k.description = DATA_PAYLOADS[(i * 3 + 1) % DATA_PAYLOADS.length];
  });
  write('kpis.csv', kpis);
  write(
    'values.csv',
    read('values.csv').filter((v) => keep.has(v.municipality_id)),
  );
  const groups = read('groups.csv').filter((g) => keep.has(g.member_id) && (!g.owner_id || keep.has(g.owner_id)));
  groups.forEach((g, i) => (g.title = DATA_PAYLOADS[(i * 11) % DATA_PAYLOADS.length]));
  write('groups.csv', groups);
  const targets: Record<string, string>[] = read('targets.csv').map((t, i) => ({
    ...t,
    municipality_id: kommuner[i % kommuner.length].id,
  }));
  targets.forEach((t, i) => (t.source_text = DATA_PAYLOADS[i % DATA_PAYLOADS.length]));
  write('targets.csv', targets);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, name: DATA_PAYLOADS[0] }));
  return { dir, kommunIds: kommuner.map((k) => k.id) };
}
