import { describe, expect, it } from 'vitest';
import { SpecCollector } from '../../src/export/spec-collector.svelte.ts';
import { zipFiles } from '../../src/export/zip.ts';
import { unzipSync } from 'fflate';
import { lineSpec } from '../charts/chart-specs.ts';
import { PROTO_NAMES } from './proto-names.ts';

/** Export code with chart ids and file names named like Object.prototype members (issue 19 item 3). */
describe('export code and built-in names', () => {
  it('collects, lists and removes charts whose ids are built-in names', () => {
    const c = new SpecCollector();
    for (const id of PROTO_NAMES) c.set({ ...lineSpec, id });
    expect(c.specs.map((s) => s.id)).toEqual(PROTO_NAMES);
    for (const id of PROTO_NAMES.slice(0, 3)) c.delete(id);
    expect(c.specs.map((s) => s.id)).toEqual(PROTO_NAMES.slice(3));
  });

  it('zips files named like built-ins, each once', () => {
    const out = unzipSync(zipFiles(PROTO_NAMES.map((name) => ({ name, data: name }))));
    expect(Object.keys(out).sort()).toEqual(PROTO_NAMES.map((n) => (n === '__proto__' ? '___proto__' : n)).sort());
    for (const name of PROTO_NAMES) expect(new TextDecoder().decode(out[name === '__proto__' ? '___proto__' : name])).toBe(name);
  });
});
