import type { Gender } from '../data/contract.ts';
import { PEER_KINDS, type PeerChoice, type PeerKind } from '../peers/peer-group.ts';
import { isFamilyId, type FamilyId } from '../data/liknande-families.ts';

/** Everything about a view that is not the page itself; lives in the query string (permalinks). */
export interface ViewState {
  peer: PeerKind;
  edition: number | null;
  /** the chosen "Liknande kommuner …" family; null = each KPI's own (by its area) */
  family: FamilyId | null;
  members: string[];
  gender: Gender;
  /** period for ranks and the ranking page; null = latest with data */
  year: string | null;
  showRiket: boolean;
  showAll: boolean;
  band: 'minmax' | 'iqr' | 'none';
  /** chosen KPI per panel id */
  panelKpi: Record<string, string>;
  /** extra KPIs charted through the KPI search */
  extra: string[];
  /** ranking page KPI */
  kpi: string | null;
  /** kommun highlighted on the ranking page (on a kommun page the kommun is in the path) */
  kommun: string | null;
  /** målvärden carried in a shared link (src/import/targets/user-targets.ts encodes them) */
  targets: string[];
}

export const DEFAULT_VIEW: ViewState = {
  peer: 'liknande',
  edition: null,
  family: null,
  members: [],
  gender: 'T',
  year: null,
  showRiket: true,
  showAll: false,
  band: 'minmax',
  panelKpi: Object.freeze(Object.create(null)) as Record<string, string>,
  extra: [],
  kpi: null,
  kommun: null,
  targets: [],
};

const PANEL_PREFIX = 'p.';
const ID_LIST = /^[0-9]{4}(,[0-9]{4})*$/;
const KPI_ID = /^[A-Za-z0-9_]{1,32}$/;
const KOMMUN_ID = /^[0-9]{4}$/;

/** Parses the query string; anything unknown or malformed falls back to the default (an old `?lang=en` is ignored). */
export function parseView(search: string): ViewState {
  const q = new URLSearchParams(search);
  // Panel ids come from the URL: a null-prototype record, so "p.constructor" or "p.__proto__" are plain keys.
  const v: ViewState = { ...DEFAULT_VIEW, panelKpi: Object.create(null) as Record<string, string>, extra: [], members: [], targets: [] };
  const peer = q.get('grupp');
  if (peer && (PEER_KINDS as readonly string[]).includes(peer)) v.peer = peer as PeerKind;
  const ed = Number(q.get('utgava'));
  if (Number.isInteger(ed) && ed > 1990 && ed < 2100) v.edition = ed;
  const family = q.get('familj');
  if (isFamilyId(family)) v.family = family;
  const members = q.get('medlemmar');
  if (members && ID_LIST.test(members)) v.members = [...new Set(members.split(','))].slice(0, 30);
  const g = q.get('kon');
  if (g === 'K' || g === 'M' || g === 'T') v.gender = g;
  const y = q.get('ar');
  if (y && /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/.test(y)) v.year = y;
  if (q.get('riket') === '0') v.showRiket = false;
  if (q.get('alla') === '1') v.showAll = true;
  const band = q.get('band');
  if (band === 'iqr' || band === 'none' || band === 'minmax') v.band = band;
  for (const [k, val] of q) if (k.startsWith(PANEL_PREFIX) && KPI_ID.test(val) && KPI_ID.test(k.slice(2))) v.panelKpi[k.slice(2)] = val;
  const extra = q.get('extra');
  if (extra) v.extra = [...new Set(extra.split(',').filter((x) => KPI_ID.test(x)))].slice(0, 8);
  const kpi = q.get('kpi');
  if (kpi && KPI_ID.test(kpi)) v.kpi = kpi;
  const kommun = q.get('kommun');
  if (kommun && KOMMUN_ID.test(kommun)) v.kommun = kommun;
  v.targets = [...new Set(q.getAll('mal').filter((t) => t.length <= 400))].slice(0, 20);
  return v;
}

/** Serialises only what differs from the default, in a stable order. */
export function serializeView(v: ViewState): string {
  const q = new URLSearchParams();
  if (v.peer !== DEFAULT_VIEW.peer) q.set('grupp', v.peer);
  if (v.edition !== null) q.set('utgava', String(v.edition));
  if (v.family !== null) q.set('familj', v.family);
  if (v.peer === 'egen' && v.members.length) q.set('medlemmar', v.members.join(','));
  if (v.gender !== 'T') q.set('kon', v.gender);
  if (v.year) q.set('ar', v.year);
  if (!v.showRiket) q.set('riket', '0');
  if (v.showAll) q.set('alla', '1');
  if (v.band !== 'minmax') q.set('band', v.band);
  for (const k of Object.keys(v.panelKpi).sort()) q.set(PANEL_PREFIX + k, v.panelKpi[k]);
  if (v.extra.length) q.set('extra', v.extra.join(','));
  if (v.kpi) q.set('kpi', v.kpi);
  if (v.kommun) q.set('kommun', v.kommun);
  for (const t of v.targets ?? []) q.append('mal', t);
  const s = q.toString().replaceAll('%2C', ',').replaceAll('%7E', '~');
  return s ? `?${s}` : '';
}

export function peerChoice(v: ViewState): PeerChoice {
  switch (v.peer) {
    case 'liknande':
      return { kind: 'liknande', edition: v.edition ?? undefined, family: v.family ?? undefined };
    case 'egen':
      return { kind: 'egen', members: v.members };
    default:
      return { kind: v.peer };
  }
}
