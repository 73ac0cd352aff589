import { strToU8, zipSync, type Zippable } from 'fflate';

export interface ExportFile {
  name: string;
  data: Uint8Array | string;
}

/** One ZIP from many files; PNGs are already compressed, so they are stored as they are. */
export function zipFiles(files: ExportFile[]): Uint8Array {
  const entries: Zippable = {};
  const mtime = new Date();
  for (const f of files) {
    const bytes = typeof f.data === 'string' ? strToU8(f.data) : f.data;
    entries[f.name] = [bytes, { level: f.name.endsWith('.png') ? 0 : 6, mtime }];
  }
  return zipSync(entries);
}
