import { strToU8, zipSync, type Zippable } from 'fflate';
import { stripXmlForbidden } from './xml-text.ts';

export interface ExportFile {
  name: string;
  data: Uint8Array | string;
}

/**
 * A flat entry name without controls, separators or dot-only names (no folders, no "../"). fflate keeps
 * entries in a plain object, so the one name it cannot hold, "__proto__", gets a leading underscore.
 */
export function zipEntryName(name: string): string {
  const flat = stripXmlForbidden(name)
    .replace(/[\u0000-\u001F\u007F/\\:]+/g, '_')
    .trim();
  if (flat === '__proto__') return `_${flat}`;
  return flat && !/^\.+$/.test(flat) ? flat : 'fil';
}

/** One ZIP from many files; PNGs are already compressed, so they are stored as they are. Names are made safe and unique. */
export function zipFiles(files: ExportFile[]): Uint8Array {
  const entries: Zippable = Object.create(null);
  const mtime = new Date();
  for (const f of files) {
    const bytes = typeof f.data === 'string' ? strToU8(f.data) : f.data;
    let name = zipEntryName(f.name);
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    for (let i = 2; Object.hasOwn(entries, name); i++) name = `${stem}_${i}${ext}`;
    entries[name] = [bytes, { level: name.endsWith('.png') ? 0 : 6, mtime }];
  }
  return zipSync(entries);
}
