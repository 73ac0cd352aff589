/**
 * A kommun (or Riket / region) cell → its 4-character id, given the known municipalities.
 *
 * By id: `0180`; `180` → `0180` when the padded id exists (Excel drops leading zeros in number
 * columns); `0180 Stockholm`, `Stockholm (0180)`, `180.0` also work.
 * By name: case-, whitespace-, hyphen- and diacritics-tolerant, with `kommun`/`stad` and a
 * genitive s dropped: "Malmö", "MALMÖ", "malmo kommun", "Stockholms stad". A name that only
 * matches after removing diacritics and then fits several (Habo/Håbo) is refused as ambiguous.
 */
import type { Municipality } from '../../data/contract.ts';

export type MunicipalityMatch = { ok: true; id: string; via: 'id' | 'padded-id' | 'name' } | { ok: false; error: string };

export type MunicipalityResolver = (text: string | number) => MunicipalityMatch;

/** Lower case, single spaces, hyphens as spaces. Keeps å/ä/ö. */
export function normaliseName(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[-‐‑–—_]/g, ' ')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/** normaliseName without diacritics: "Malmö" → "malmo". */
export function foldName(s: string): string {
  return normaliseName(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Name variants to try, most specific first: as written, without "kommun"/"stad", without genitive s. */
function variants(name: string): string[] {
  const out = [name];
  const stripped = name.replace(/ (kommun|stad|kommune|municipality)$/, '');
  if (stripped !== name) {
    out.push(stripped);
    if (stripped.endsWith('s')) out.push(stripped.slice(0, -1));
  }
  const prefixed = name.replace(/^(kommun|stad) /, '');
  if (prefixed !== name) out.push(prefixed);
  return out;
}

export function createMunicipalityResolver(municipalities: readonly Pick<Municipality, 'id' | 'name'>[]): MunicipalityResolver {
  const ids = new Set<string>();
  const byName = new Map<string, string>();
  const byFolded = new Map<string, string[]>();
  const names = new Map<string, string>();
  for (const m of municipalities) {
    ids.add(m.id);
    names.set(m.id, m.name);
    byName.set(normaliseName(m.name), m.id);
    const f = foldName(m.name);
    const list = byFolded.get(f) ?? [];
    if (!list.includes(m.id)) list.push(m.id);
    byFolded.set(f, list);
  }

  const byId = (digits: string): MunicipalityMatch | null => {
    if (ids.has(digits)) return { ok: true, id: digits, via: 'id' };
    if (digits.length === 3 && ids.has(`0${digits}`)) return { ok: true, id: `0${digits}`, via: 'padded-id' };
    return null;
  };

  return (input: string | number): MunicipalityMatch => {
    const text = String(input ?? '').trim();
    if (text === '') return { ok: false, error: 'Kommun saknas.' };
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;

    let m = /^(\d{3,4})(?:[.,]0+)?$/.exec(text);
    if (m) {
      return byId(m[1]) ?? { ok: false, error: `Okänd kommunkod ”${shown}”.` };
    }
    // "0180 Stockholm", "0180 - Stockholm", "Stockholm (0180)"
    m = /^(\d{3,4})\s*[-–:]?\s+\S/.exec(text) ?? /\((\d{3,4})\)\s*$/.exec(text);
    if (m) {
      const hit = byId(m[1]);
      if (hit) return hit;
    }

    const n = normaliseName(text);
    for (const v of variants(n)) {
      const id = byName.get(v);
      if (id) return { ok: true, id, via: 'name' };
    }
    for (const v of variants(foldName(text))) {
      const list = byFolded.get(v);
      if (list && list.length === 1) return { ok: true, id: list[0], via: 'name' };
      if (list && list.length > 1) {
        const which = list.map((id) => `${names.get(id)} (${id})`).join(' eller ');
        return { ok: false, error: `Kommunnamnet ”${shown}” är tvetydigt: ${which}. Använd kommunkoden.` };
      }
    }
    return { ok: false, error: `Okänd kommun ”${shown}”.` };
  };
}
