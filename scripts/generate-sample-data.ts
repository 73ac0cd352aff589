/**
 * Deterministic generator for the embedded sample data set (`data/sample/`).
 *
 *   npx tsx scripts/generate-sample-data.ts [outDir]      (default: data/sample)
 *
 * Every indicator value and every peer-group membership written here is SYNTHETIC. The only input is
 * `scripts/reference/municipalities.csv` (public reference facts: ids, names, län, SKR kommungrupp).
 * KPI ids and titles are public Kolada catalogue facts. Output is byte-identical between runs: all
 * randomness comes from a seeded mulberry32 PRNG, one stream per (purpose, unit, KPI) key.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import type { Gender, GroupMemberRow, Kpi, Manifest, Municipality, Target, ValueRow } from '../src/data/contract.ts';
import { writeContractDirectory, type ContractData } from '../src/data/write-directory.ts';
import { DASHBOARD_KPIS, dashboardKpi } from '../src/data/dashboard-kpis.ts';
import { higherIsBetter } from '../src/data/kpi-directions.ts';
import { FAMILY_IDS, familyKind, familyTitle, type FamilyId } from '../src/data/liknande-families.ts';

const SCRIPT_DIR = dirname(fileURLToPath(import.meta.url));
export const REFERENCE_FILE = join(SCRIPT_DIR, 'reference', 'municipalities.csv');
export const DEFAULT_OUT_DIR = join(SCRIPT_DIR, '..', 'data', 'sample');

const SEED = 'jamfor-sample-v1';
const YEARS = range(2010, 2024);
const FOCUS = ['0180', '0780', '1286', '1489', '1861', '2480'] as const;
const FOCUS_SET = new Set<string>(FOCUS);

// ---------------------------------------------------------------------------------------------
// PRNG

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(...key: (string | number)[]) {
    this.next = mulberry32(fnv1a([SEED, ...key].join('|')));
  }
  uniform(a = 0, b = 1): number {
    return a + (b - a) * this.next();
  }
  normal(mean = 0, sd = 1): number {
    const u1 = 1 - this.next();
    const u2 = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(a: number, b: number): number {
    return a + Math.floor(this.next() * (b - a + 1));
  }
  /** AR(1) noise with stationary standard deviation `sd`. */
  ar1(n: number, sd: number, phi = 0.5): number[] {
    const out: number[] = [];
    let e = this.normal(0, sd);
    for (let i = 0; i < n; i++) {
      if (i > 0) e = phi * e + this.normal(0, sd * Math.sqrt(1 - phi * phi));
      out.push(e);
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// Reference facts

export function readReference(file = REFERENCE_FILE): Municipality[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), {
    header: true,
    skipEmptyLines: true,
    dynamicTyping: false,
  });
  if (parsed.errors.length) throw new Error(`${file}: ${parsed.errors[0].message}`);
  const orNull = (s: string | undefined) => (s === undefined || s === '' ? null : s);
  return parsed.data
    .map((r): Municipality => {
      if (!/^[0-9]{4}$/.test(r.id)) throw new Error(`${file}: bad id ${r.id}`);
      if (r.type !== 'K' && r.type !== 'L') throw new Error(`${file}: bad type for ${r.id}`);
      return {
        id: r.id,
        name: r.name,
        type: r.type,
        county_code: orNull(r.county_code),
        county_name: orNull(r.county_name),
        skr_group_code: orNull(r.skr_group_code),
        skr_group_name: orNull(r.skr_group_name),
      };
    })
    .sort((a, b) => byId(a.id, b.id));
}

// ---------------------------------------------------------------------------------------------
// KPI catalogue (titles are public Kolada catalogue facts, 2026-03)

const SYNTHETIC = 'Exempeldata: syntetiska värden, inte Koladas siffror.';

interface YearlySpec {
  id: string;
  title: string;
  unit: string;
  genders: Gender[];
  higher: boolean | null;
  decimals: number;
  min: number;
  max: number;
}

/** Value ranges of the synthetic yearly series; title, unit, gender split and direction come from the KPI list. */
const YEARLY_RANGES: { id: string; decimals: number; min: number; max: number }[] = [
  { id: 'U31462', decimals: 0, min: 55, max: 95 },
  { id: 'U31001', decimals: 0, min: 200, max: 3500 },
  { id: 'N31004', decimals: 0, min: 150, max: 3300 },
  { id: 'N31001', decimals: 0, min: 200, max: 4000 },
  { id: 'N31008', decimals: 0, min: 200, max: 4000 },
  { id: 'N40011', decimals: 0, min: 100, max: 2500 },
  { id: 'U40455', decimals: 0, min: 10, max: 70 },
  { id: 'N00090', decimals: 1, min: 5, max: 11 },
];

const YEARLY: YearlySpec[] = YEARLY_RANGES.map((r) => {
  const k = dashboardKpi(r.id)!;
  return { ...r, title: k.title, unit: k.unit, genders: k.is_divided_by_gender ? ['T', 'K', 'M'] : ['T'], higher: higherIsBetter(r.id) };
});

const MONTHLY_ID = 'X90001';
const MONTHLY_AGE = [
  { id: 'X90001_29', label: '–29 år', offset: -0.9 },
  { id: 'X90001_30_49', label: '30–49 år', offset: -0.2 },
  { id: 'X90001_50', label: '50– år', offset: 0.8 },
];
const OUTCOMES = [
  { id: 'X40001', label: 'Arbete', title: 'Avslut i arbetsmarknadsverksamheten: till arbete, antal' },
  { id: 'X40002', label: 'Studier', title: 'Avslut i arbetsmarknadsverksamheten: till studier, antal' },
  { id: 'X40003', label: 'Annan myndighet', title: 'Avslut i arbetsmarknadsverksamheten: till annan myndighet, antal' },
  { id: 'X40004', label: 'Övrigt', title: 'Avslut i arbetsmarknadsverksamheten: övrigt, antal' },
];

function kpiCatalogue(): Kpi[] {
  return DASHBOARD_KPIS.map((k) => ({
    id: k.id,
    title: k.title,
    unit: k.unit,
    is_divided_by_gender: k.is_divided_by_gender,
    description: SYNTHETIC,
    source: k.origin === 'kolada' ? 'Kolada (RKA)' : 'Exempeldata',
    higher_is_better: higherIsBetter(k.id),
    parent: k.parent ?? null,
    breakdown: k.breakdown ?? null,
  }));
}

/**
 * The sample's catalogue.csv: its Kolada KPIs with Kolada's operating area and publication period
 * (public catalogue facts, 2026-03), and a few catalogue KPIs without values here, so the search can
 * show what "finns i Kolada men ingår inte i de här uppgifterna" looks like. Descriptions are not Kolada's.
 */
const CATALOGUE_FACTS: { id: string; title?: string; area: string; publ: string; gender?: boolean }[] = [
  { id: 'U31462', area: 'Individ- och familjeomsorg', publ: '' },
  { id: 'U31001', area: 'Individ- och familjeomsorg', publ: '2025' },
  { id: 'N31004', area: 'Individ- och familjeomsorg', publ: '' },
  { id: 'N31001', area: 'Individ- och familjeomsorg', publ: '2025' },
  { id: 'N31008', area: 'Individ- och familjeomsorg', publ: '2025' },
  { id: 'N40011', area: 'Arbetsmarknad', publ: '2025' },
  { id: 'U40455', area: 'Arbetsmarknad', publ: '' },
  { id: 'N00090', area: 'Kommunen, övergripande', publ: '2026' },
  {
    id: 'N31825',
    title: 'Biståndsmottagare, ekonomiskt bistånd, 18+ år, andel (%) av befolkningen',
    area: 'Individ- och familjeomsorg',
    publ: '2025',
    gender: true,
  },
  { id: 'N31002', title: 'Kostnad utbetalt ekonomiskt bistånd, kr/inv', area: 'Individ- och familjeomsorg', publ: '2025', gender: false },
  {
    id: 'U21468',
    title: 'Brukarbedömning hemtjänst äldreomsorg -  helhetssyn, andel (%)',
    area: 'Äldre och funktionshinder',
    publ: '2026',
    gender: true,
  },
  {
    id: 'U23471',
    title: 'Brukarbedömning särskilt boende äldreomsorg -  helhetssyn, andel (%)',
    area: 'Äldre och funktionshinder',
    publ: '2026',
    gender: true,
  },
];

function sampleCatalogue() {
  return CATALOGUE_FACTS.map((c) => {
    const k = dashboardKpi(c.id);
    const title = c.title ?? k!.title;
    const unit = k?.unit ?? (title.includes('(%)') ? '%' : 'kr/inv');
    return [
      c.id,
      title,
      k ? SYNTHETIC : 'Exempeldata: nyckeltalet finns i Koladas katalog men har inga värden i exempeldata.',
      c.area,
      unit,
      c.gender ?? k!.is_divided_by_gender,
      c.publ,
      higherIsBetter(c.id),
    ] as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Synthetic kommun profiles

interface Profile {
  id: string;
  pop: number; // synthetic population (weights and group features only)
  noise: number; // noise multiplier: small kommuner are noisier
  ebLevel: number; // U31001 level, kr/inv, in 2017
  ebTrend: number; // relative change per year
  refugeeShare: number; // scales the refugee-household share (U31001 vs N31004)
  costRatio: number; // N31001 / U31001
  netRatio: number; // N31008 / N31001
  amLevel: number; // N40011 level 2017
  amTrend: number;
  reLevel: number; // U31462 level 2017
  reTrend: number;
  reGap: number; // U31462 K − M
  amOutLevel: number; // U40455 level 2017
  amOutTrend: number;
  amOutGap: number; // U40455 K − M
  amOutStart: number; // first year of U40455
  sickLevel: number; // N00090 level 2017
  sickTrend: number;
  sickGap: number; // N00090 K − M (> 0)
}

const SKR_POP: Record<string, number> = {
  A1: 550000,
  A2: 42000,
  B3: 95000,
  B4: 26000,
  B5: 13000,
  C6: 30000,
  C7: 12000,
  C8: 8000,
  C9: 9500,
};
const SKR_NEED: Record<string, number> = { A1: 0.3, A2: -0.25, B3: 0.25, B4: 0, B5: 0.15, C6: 0.3, C7: 0, C8: 0.05, C9: -0.3 };

/** Story-worthy (but invented) levels for the focus kommuner. */
const ANCHOR_PROFILE: Record<string, Partial<Profile>> = {
  '0180': { pop: 900000, reLevel: 80, amOutLevel: 34, sickLevel: 6.9 },
  '0780': { pop: 88000, ebLevel: 1350, reLevel: 82, amOutLevel: 39, sickLevel: 7.6, sickTrend: 0 },
  '1286': { pop: 29000, ebLevel: 1500, reLevel: 86, reTrend: 0.4, amOutLevel: 41, amOutStart: 2010, sickLevel: 7.9 },
  '1489': { pop: 41000, ebLevel: 1050, reLevel: 79, reTrend: -0.5, amOutLevel: 33, sickLevel: 7.7 },
  '1861': { pop: 16000, ebLevel: 780, reLevel: 70, reTrend: 0, amOutLevel: 14, amOutTrend: 0, amOutStart: 2010, sickLevel: 8.3 },
  '2480': { pop: 130000, ebLevel: 1700, ebTrend: -0.01, reLevel: 81, amOutLevel: 44, sickLevel: 7.1 },
};

/** Explicit synthetic T values for story years (deliberately not the real Kolada figures). */
const STORY_T: Record<string, Record<string, Record<number, number>>> = {
  U31462: {
    '1286': { 2019: 85, 2020: 87, 2021: 90, 2022: 89, 2023: 91, 2024: 89 },
    '1489': { 2019: 80, 2020: 79, 2021: 78, 2022: 77, 2023: 73, 2024: 71 },
    '1861': { 2020: 70, 2021: 71, 2022: 69, 2023: 72, 2024: 74 },
    '2480': { 2023: 80, 2024: 82 },
  },
  U40455: {
    '1286': { 2022: 39, 2023: 37, 2024: 43 },
    '1861': { 2022: 9, 2023: 11, 2024: 13 },
  },
  N00090: {
    '0780': { 2022: 8.1, 2023: 7.5, 2024: 7.2 },
    '1489': { 2023: 8.4, 2024: 7.8 },
  },
};

/** Explicit sekretess markers (value empty, status `..`). */
const STORY_SUPPRESSED: { kpi: string; id: string; year: number; genders: Gender[] }[] = [
  { kpi: 'U40455', id: '1861', year: 2018, genders: ['T', 'K', 'M'] },
];

function makeProfile(m: Municipality): Profile {
  const r = new Rng('profile', m.id);
  const skr = m.skr_group_code ?? 'B4';
  const pop = Math.round(SKR_POP[skr] * Math.exp(r.normal(0, 0.45)));
  const need = r.normal(SKR_NEED[skr], 1);
  const p: Profile = {
    id: m.id,
    pop,
    noise: 1,
    ebLevel: clamp(Math.exp(Math.log(1250) + 0.5 * need), 260, 3200),
    ebTrend: r.normal(-0.005, 0.02),
    refugeeShare: r.uniform(0.5, 1.6),
    costRatio: r.uniform(1.06, 1.22),
    netRatio: r.uniform(0.93, 0.99),
    amLevel: clamp(Math.exp(Math.log(560) + 0.55 * r.normal() + 0.2 * need), 120, 2300),
    amTrend: r.normal(0, 0.03),
    reLevel: clamp(79 - 3 * need + r.normal(0, 4), 60, 92),
    reTrend: r.normal(0.1, 0.35),
    reGap: r.normal(2, 2),
    amOutLevel: clamp(r.normal(37, 9), 13, 64),
    amOutTrend: r.normal(0.3, 0.5),
    amOutGap: r.normal(-1, 3),
    amOutStart: r.chance(0.14) ? r.int(2012, 2018) : 2010,
    sickLevel: clamp(r.normal(7.6, 0.7), 5.8, 9.6),
    sickTrend: r.normal(0, 0.05),
    sickGap: Math.max(1.2, r.normal(3, 0.6)),
  };
  Object.assign(p, ANCHOR_PROFILE[m.id] ?? {});
  p.noise = clamp((25000 / p.pop) ** 0.35, 0.6, 1.8);
  return p;
}

// Common year profiles (national development shared by all kommuner)
const EB_INDEX: Record<number, number> = {
  2010: 1.12,
  2011: 1.1,
  2012: 1.08,
  2013: 1.07,
  2014: 1.05,
  2015: 1.04,
  2016: 1.03,
  2017: 1,
  2018: 0.96,
  2019: 0.94,
  2020: 0.96,
  2021: 0.91,
  2022: 0.87,
  2023: 0.92,
  2024: 0.98,
};
const REFUGEE: Record<number, number> = {
  2010: 0.09,
  2011: 0.1,
  2012: 0.11,
  2013: 0.12,
  2014: 0.13,
  2015: 0.15,
  2016: 0.2,
  2017: 0.24,
  2018: 0.22,
  2019: 0.18,
  2020: 0.14,
  2021: 0.11,
  2022: 0.09,
  2023: 0.09,
  2024: 0.08,
};
const AM_INDEX: Record<number, number> = {
  2010: 0.95,
  2011: 0.96,
  2012: 0.98,
  2013: 1,
  2014: 1.01,
  2015: 1.02,
  2016: 1.03,
  2017: 1,
  2018: 0.97,
  2019: 0.94,
  2020: 1.04,
  2021: 1.02,
  2022: 0.97,
  2023: 0.99,
  2024: 1.01,
};
const RE_SHIFT: Record<number, number> = {
  2010: -1.5,
  2011: -1.2,
  2012: -1,
  2013: -0.6,
  2014: -0.4,
  2015: -0.2,
  2016: 0,
  2017: 0,
  2018: 0.3,
  2019: 0.5,
  2020: 0.2,
  2021: 0.6,
  2022: 0.8,
  2023: 0.6,
  2024: 0.7,
};
const AMOUT_SHIFT: Record<number, number> = {
  2010: -2,
  2011: -1,
  2012: -1,
  2013: 0,
  2014: 0,
  2015: 1,
  2016: 1,
  2017: 0,
  2018: 1,
  2019: 0,
  2020: -6,
  2021: -3,
  2022: 0,
  2023: -1,
  2024: -2,
};
const SICK_SHIFT: Record<number, number> = {
  2010: -1,
  2011: -0.8,
  2012: -0.5,
  2013: -0.3,
  2014: -0.1,
  2015: 0.1,
  2016: 0.3,
  2017: 0.2,
  2018: 0.1,
  2019: 0,
  2020: 1.1,
  2021: 0.9,
  2022: 1.2,
  2023: 0.5,
  2024: 0.3,
};

/** Unrounded synthetic value per (kpi, kommun, year, gender): the "truth" before gaps and rounding. */
type Latent = Map<string, number>;
const lkey = (kpi: string, id: string, year: number | string, g: Gender) => `${kpi}|${id}|${year}|${g}`;

function kommunLatent(p: Profile, latent: Latent): void {
  const n = YEARS.length;
  const noise = (kpi: string, sd: number, phi = 0.5) => new Rng('noise', kpi, p.id).ar1(n, sd, phi);
  const nU31001 = noise('U31001', 0.06 * p.noise);
  const nN31004 = noise('N31004', 0.02, 0.3);
  const nN31001 = noise('N31001', 0.03, 0.3);
  const nN31008 = noise('N31008', 0.01, 0.3);
  const nN40011 = noise('N40011', 0.1 * p.noise);
  const nU31462 = noise('U31462', 2.4 * p.noise, 0.3);
  const nU40455 = noise('U40455', 3.5 * p.noise, 0.3);
  const nN00090 = noise('N00090', 0.3 * p.noise, 0.6);
  const gr = new Rng('gender', p.id);
  const story = (kpi: string, year: number, v: number) => STORY_T[kpi]?.[p.id]?.[year] ?? v;
  const spec = (kpi: string) => YEARLY.find((s) => s.id === kpi)!;
  const setT = (kpi: string, year: number, v: number) => {
    const s = spec(kpi);
    const t = story(kpi, year, clamp(v, s.min, s.max));
    latent.set(lkey(kpi, p.id, year, 'T'), t);
    return t;
  };

  YEARS.forEach((y, i) => {
    const dt = y - 2017;
    const u31001 = setT('U31001', y, p.ebLevel * EB_INDEX[y] * Math.exp(p.ebTrend * dt + nU31001[i]));
    setT('N31004', y, u31001 * (1 - p.refugeeShare * REFUGEE[y]) * Math.exp(nN31004[i]));
    const n31001 = setT('N31001', y, u31001 * p.costRatio * Math.exp(nN31001[i]));
    setT('N31008', y, n31001 * p.netRatio * Math.exp(nN31008[i]));
    setT('N40011', y, p.amLevel * AM_INDEX[y] * Math.exp(p.amTrend * dt + nN40011[i]));

    const re = setT('U31462', y, p.reLevel + p.reTrend * dt + RE_SHIFT[y] + nU31462[i]);
    latent.set(lkey('U31462', p.id, y, 'K'), clamp(re + 0.5 * p.reGap + gr.normal(0, 1.5 * p.noise), 45, 99));
    latent.set(lkey('U31462', p.id, y, 'M'), clamp(re - 0.5 * p.reGap + gr.normal(0, 1.5 * p.noise), 45, 99));

    if (y >= p.amOutStart) {
      const am = setT('U40455', y, p.amOutLevel + p.amOutTrend * dt + AMOUT_SHIFT[y] + nU40455[i]);
      latent.set(lkey('U40455', p.id, y, 'K'), clamp(am + 0.5 * p.amOutGap + gr.normal(0, 2.5 * p.noise), 4, 85));
      latent.set(lkey('U40455', p.id, y, 'M'), clamp(am - 0.5 * p.amOutGap + gr.normal(0, 2.5 * p.noise), 4, 85));
    }

    // Women are ~78 % of kommun employees, so T sits close to K.
    const sick = setT('N00090', y, p.sickLevel + p.sickTrend * dt + SICK_SHIFT[y] + nN00090[i]);
    const gap = Math.max(1.2, p.sickGap + gr.normal(0, 0.25));
    latent.set(lkey('N00090', p.id, y, 'K'), sick + 0.22 * gap + gr.normal(0, 0.08));
    latent.set(lkey('N00090', p.id, y, 'M'), Math.max(2, sick - 0.78 * gap + gr.normal(0, 0.15)));
  });
}

/** Riket (or a region): its own series, a population-weighted mean of kommun latents plus own noise. */
function aggregateLatent(unitId: string, members: Profile[], kpis: YearlySpec[], latent: Latent): void {
  for (const s of kpis) {
    const r = new Rng('aggregate', unitId, s.id);
    const relative = s.unit === 'kr/inv';
    for (const y of YEARS) {
      for (const g of s.genders) {
        let sum = 0;
        let w = 0;
        for (const p of members) {
          const v = latent.get(lkey(s.id, p.id, y, g));
          if (v === undefined) continue;
          sum += p.pop * v;
          w += p.pop;
        }
        if (w === 0) continue;
        const mean = sum / w;
        const v = relative ? mean * Math.exp(r.normal(0, 0.01)) : mean + r.normal(0, s.decimals ? 0.05 : 0.4);
        latent.set(lkey(s.id, unitId, y, g), v);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Values

function yearlyValues(units: Municipality[], latent: Latent): ValueRow[] {
  const rows: ValueRow[] = [];
  const suppressed = new Set(STORY_SUPPRESSED.flatMap((s) => s.genders.map((g) => lkey(s.kpi, s.id, s.year, g))));
  for (const s of YEARLY) {
    for (const m of units) {
      const isKommun = m.type === 'K';
      const gapRng = new Rng('gaps', s.id, m.id);
      for (const y of YEARS) {
        if (!latent.has(lkey(s.id, m.id, y, 'T'))) continue;
        // ~4 % of kommun/year rows missing (all genders), a few of them marked `-` bortfall
        const missing = isKommun && !FOCUS_SET.has(m.id) && gapRng.chance(0.04);
        const missingStatus = missing && gapRng.chance(0.2) ? '-' : null;
        // small kommuner: occasional sekretess on the gender split
        const secret = isKommun && !FOCUS_SET.has(m.id) && s.genders.length > 1 && s.id !== 'N00090' && gapRng.chance(0.01);
        for (const g of s.genders) {
          const v = latent.get(lkey(s.id, m.id, y, g))!;
          if (suppressed.has(lkey(s.id, m.id, y, g))) {
            rows.push({ kpi: s.id, municipality_id: m.id, period: String(y), gender: g, value: null, status: '..' });
          } else if (missing) {
            rows.push({ kpi: s.id, municipality_id: m.id, period: String(y), gender: g, value: null, status: missingStatus });
          } else if (secret && g !== 'T') {
            rows.push({ kpi: s.id, municipality_id: m.id, period: String(y), gender: g, value: null, status: '..' });
          } else {
            rows.push({ kpi: s.id, municipality_id: m.id, period: String(y), gender: g, value: round(v, s.decimals), status: null });
          }
        }
      }
    }
  }
  return rows;
}

const MONTHS = range(1, 12);
const monthPeriod = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

function monthlyValues(profiles: Map<string, Profile>, latent: Latent): ValueRow[] {
  const rows: ValueRow[] = [];
  const series = new Map<string, ValueRow[]>([[MONTHLY_ID, []], ...MONTHLY_AGE.map((a) => [a.id, []] as [string, ValueRow[]])]);
  for (const id of FOCUS) {
    const p = profiles.get(id)!;
    const r = new Rng('monthly', id);
    const ageR = new Rng('monthly-age', id);
    for (const y of [2022, 2023, 2024]) {
      const annual = latent.get(lkey('N00090', id, y, 'T'))!;
      for (const mo of MONTHS) {
        // winter high, summer low; an extra infection wave in early 2022
        const season = 1.1 * Math.cos((2 * Math.PI * (mo - 1.5)) / 12);
        const wave = y === 2022 ? (({ 1: 1.8, 2: 0.9, 3: 0.3 } as Record<number, number>)[mo] ?? 0) : 0;
        const t = Math.max(2, annual + season + wave + r.normal(0, 0.2 * p.noise));
        const gap = Math.max(1.2, p.sickGap + r.normal(0, 0.3));
        const period = monthPeriod(y, mo);
        const out = series.get(MONTHLY_ID)!;
        out.push({ kpi: MONTHLY_ID, municipality_id: id, period, gender: 'T', value: round(t, 1), status: null });
        out.push({ kpi: MONTHLY_ID, municipality_id: id, period, gender: 'K', value: round(t + 0.22 * gap, 1), status: null });
        out.push({ kpi: MONTHLY_ID, municipality_id: id, period, gender: 'M', value: round(Math.max(1, t - 0.78 * gap), 1), status: null });
        for (const a of MONTHLY_AGE) {
          const v = Math.max(1, t + a.offset + ageR.normal(0, 0.3 * p.noise));
          series.get(a.id)!.push({ kpi: a.id, municipality_id: id, period, gender: 'T', value: round(v, 1), status: null });
        }
      }
    }
  }
  for (const list of series.values()) rows.push(...list);
  return rows;
}

const OUTCOME_BASE: Record<string, number> = { '0180': 2600, '0780': 360, '1286': 110, '1489': 150, '1861': 60, '2480': 420 };
const OUTCOME_INDEX: Record<number, number> = { 2019: 1, 2020: 0.84, 2021: 0.93, 2022: 1.04, 2023: 1.1, 2024: 1.16 };

function outcomeValues(latent: Latent): ValueRow[] {
  const byKpi = new Map<string, ValueRow[]>(OUTCOMES.map((o) => [o.id, []]));
  for (const id of FOCUS) {
    const r = new Rng('outcomes', id);
    for (const y of range(2019, 2024)) {
      const total = Math.max(10, Math.round(OUTCOME_BASE[id] * OUTCOME_INDEX[y] * Math.exp(r.normal(0, 0.08))));
      // consistent with the kommun's (synthetic) U40455 share for the year
      const share = clamp((latent.get(lkey('U40455', id, y, 'T')) ?? 35) / 100, 0.05, 0.9);
      const workOrStudy = Math.round(total * share);
      const work = Math.round(workOrStudy * r.uniform(0.65, 0.8));
      const rest = total - workOrStudy;
      const agency = Math.round(rest * r.uniform(0.25, 0.4));
      const counts = [work, workOrStudy - work, agency, rest - agency];
      OUTCOMES.forEach((o, i) =>
        byKpi.get(o.id)!.push({ kpi: o.id, municipality_id: id, period: String(y), gender: 'T', value: counts[i], status: null }),
      );
    }
  }
  return [...byKpi.values()].flat();
}

// ---------------------------------------------------------------------------------------------
// Groups

const EDITIONS = [2022, 2023];

function liknandeGroups(kommuner: Municipality[], profiles: Map<string, Profile>, latent: Latent): GroupMemberRow[] {
  const skrIndex = (m: Municipality) => 'A1 A2 B3 B4 B5 C6 C7 C8 C9'.split(' ').indexOf(m.skr_group_code ?? '');
  const membersBy = new Map<number, Map<string, string[]>>();
  for (const edition of EDITIONS) {
    // features: synthetic ek. bistånd level of the year before the edition, size and SKR group, jittered per edition
    const features = new Map<string, number[]>();
    for (const m of kommuner) {
      const r = new Rng('group-features', m.id, edition);
      const eb = latent.get(lkey('U31001', m.id, edition - 1, 'T'))!;
      const p = profiles.get(m.id)!;
      features.set(m.id, [
        Math.log(eb) / 0.25 + r.normal(0, 0.35),
        Math.log(p.pop) / 0.6 + r.normal(0, 0.35),
        skrIndex(m) * 0.35 + r.normal(0, 0.2),
      ]);
    }
    const groups = new Map<string, string[]>();
    for (const m of kommuner) {
      const f = features.get(m.id)!;
      const ranked = kommuner
        .filter((o) => o.id !== m.id)
        .map((o) => {
          const g = features.get(o.id)!;
          return { id: o.id, d: Math.hypot(f[0] - g[0], f[1] - g[1], f[2] - g[2]) };
        })
        .sort((a, b) => a.d - b.d || byId(a.id, b.id));
      let members = ranked.slice(0, 7).map((x) => x.id);
      const previous = membersBy.get(edition - 1)?.get(m.id);
      if (previous && [...members].sort().join() === [...previous].sort().join()) members = [...members.slice(0, 6), ranked[7].id];
      groups.set(m.id, members.sort(byId));
    }
    membersBy.set(edition, groups);
  }
  const rows: GroupMemberRow[] = [];
  for (const m of kommuner) {
    for (const edition of EDITIONS) {
      for (const member of membersBy.get(edition)!.get(m.id)!) {
        rows.push({
          group_id: `S${m.id}`,
          title: `Liknande kommuner ekonomiskt bistånd, ${m.name}, ${edition}`,
          kind: 'liknande_ekonomiskt_bistand',
          edition,
          owner_id: m.id,
          member_id: member,
        });
      }
    }
  }
  return rows;
}

/** The editions of the other families in the sample (Kolada's 2026-03 catalogue has one each). */
const FAMILY_EDITION: Partial<Record<FamilyId, number>> = { overgripande: 2025 };

/** Synthetic groups for every other "Liknande kommuner …" family: 7 nearest kommuner on jittered size and SKR features. */
function familyGroups(kommuner: Municipality[], profiles: Map<string, Profile>): GroupMemberRow[] {
  const skrIndex = (m: Municipality) => 'A1 A2 B3 B4 B5 C6 C7 C8 C9'.split(' ').indexOf(m.skr_group_code ?? '');
  const rows: GroupMemberRow[] = [];
  FAMILY_IDS.filter((f) => f !== 'ekonomiskt_bistand').forEach((family, fi) => {
    const edition = FAMILY_EDITION[family] ?? 2024;
    const features = new Map(
      kommuner.map((m) => {
        const r = new Rng('family-features', family, m.id);
        return [
          m.id,
          [Math.log(profiles.get(m.id)!.pop) / 0.6 + r.normal(0, 0.6), skrIndex(m) * 0.35 + r.normal(0, 0.3), r.normal(0, 0.5 + 0.05 * fi)],
        ];
      }),
    );
    for (const m of kommuner) {
      const f = features.get(m.id)!;
      const members = kommuner
        .filter((o) => o.id !== m.id)
        .map((o) => ({ id: o.id, d: Math.hypot(...features.get(o.id)!.map((x, i) => x - f[i])) }))
        .sort((a, b) => a.d - b.d || byId(a.id, b.id))
        .slice(0, 7)
        .map((x) => x.id)
        .sort(byId);
      const title =
        family === 'overgripande'
          ? `Liknande kommuner, övergripande, ${m.name}, ${edition}`
          : `${familyTitle(family)}, ${m.name}, ${edition}`;
      for (const member of members)
        rows.push({ group_id: `S${fi + 1}-${m.id}`, title, kind: familyKind(family), edition, owner_id: m.id, member_id: member });
    }
  });
  return rows;
}

function skrGroups(kommuner: Municipality[]): GroupMemberRow[] {
  const codes = [...new Set(kommuner.map((m) => m.skr_group_code).filter((c): c is string => c !== null))].sort();
  return codes.flatMap((code) => {
    const members = kommuner.filter((m) => m.skr_group_code === code);
    return members.map((m): GroupMemberRow => ({
      group_id: `SKR-${code}`,
      title: `${members[0].skr_group_name} (SKR 2023)`,
      kind: 'skr_kommungrupp',
      edition: 2023,
      owner_id: null,
      member_id: m.id,
    }));
  });
}

// ---------------------------------------------------------------------------------------------
// Targets and manifest

const TARGETS: Target[] = [
  { municipality_id: '1489', kpi: 'U31462', period: '2024', target: 75, comparison: '>=', source_text: 'Exempel: socialnämndens mål 2024' },
  { municipality_id: '1286', kpi: 'U31462', period: '2024', target: 90, comparison: '>=', source_text: 'Exempel: socialnämndens mål 2024' },
  {
    municipality_id: '1286',
    kpi: 'U40455',
    period: '2024',
    target: 40,
    comparison: '>=',
    source_text: 'Exempel: arbetsmarknadsnämndens mål 2024',
  },
  {
    municipality_id: '1861',
    kpi: 'U40455',
    period: '2024',
    target: 10,
    comparison: '>=',
    source_text: 'Exempel: kommunfullmäktiges mål 2024',
  },
  {
    municipality_id: '0780',
    kpi: 'N00090',
    period: '2024',
    target: 7,
    comparison: '<=',
    source_text: 'Exempel: personalpolitiskt mål 2024',
  },
  {
    municipality_id: '1489',
    kpi: 'N00090',
    period: '2024',
    target: 8,
    comparison: '<=',
    source_text: 'Exempel: personalpolitiskt mål 2024',
  },
  { municipality_id: '2480', kpi: 'U31462', period: '2024', target: 80, comparison: '>=', source_text: 'Exempel: socialnämndens mål 2024' },
];

export const SAMPLE_MANIFEST: Manifest = {
  name: 'Exempeldata',
  sample: true,
  retrieved: null,
  source: 'Exempeldata – inte officiell statistik',
  licence: 'CC BY 4.0',
};

// ---------------------------------------------------------------------------------------------

/** Builds the whole synthetic data set in memory (pure apart from reading the reference file). */
export function generateSampleData(referenceFile = REFERENCE_FILE): ContractData {
  const units = readReference(referenceFile);
  const kommuner = units.filter((m) => m.type === 'K');
  const regions = units.filter((m) => m.type === 'L' && m.id !== '0000');
  const profiles = new Map(kommuner.map((m) => [m.id, makeProfile(m)]));

  const latent: Latent = new Map();
  for (const p of profiles.values()) kommunLatent(p, latent);
  aggregateLatent('0000', [...profiles.values()], YEARLY, latent);
  const sick = YEARLY.filter((s) => s.id === 'N00090');
  for (const r of regions) {
    aggregateLatent(
      r.id,
      kommuner.filter((k) => k.county_code === r.county_code).map((k) => profiles.get(k.id)!),
      sick,
      latent,
    );
  }

  const values = [...yearlyValues(units, latent), ...monthlyValues(profiles, latent), ...outcomeValues(latent)];
  const groups = [...liknandeGroups(kommuner, profiles, latent), ...familyGroups(kommuner, profiles), ...skrGroups(kommuner)];
  return {
    values,
    kpis: kpiCatalogue(),
    municipalities: units,
    groups,
    targets: TARGETS,
    manifest: SAMPLE_MANIFEST,
    catalogue: sampleCatalogue(),
  };
}

function main(): void {
  const outDir = resolve(process.argv[2] ?? DEFAULT_OUT_DIR);
  const data = generateSampleData();
  writeContractDirectory(outDir, data);
  const n = (it: Iterable<unknown>) => [...it].length;
  console.log(
    `Wrote ${outDir}: ${n(data.values)} values, ${n(data.kpis)} KPIs, ${n(data.municipalities)} units, ${n(data.groups ?? [])} group rows`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
