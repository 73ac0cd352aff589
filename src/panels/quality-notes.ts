import type { Kpi } from '../data/contract.ts';
import type { PanelPoint } from '../queries/panel-series.ts';
import type { MemberValue } from '../queries/member-values.ts';
import type { ChangeSpread } from '../queries/change-spread.ts';
import { formatChange, formatValue } from '../format/number.ts';

/** A change is "far outside the usual spread" when it is more than this many times the median absolute change. */
export const UNUSUAL_CHANGE_FACTOR = 5;

export interface QualityNoteArgs {
  kpi: Pick<Kpi, 'id' | 'unit'>;
  kommunName: string;
  /** the panel's points (after trimming), in period order */
  points: PanelPoint[];
  /** values of the group's members (and the kommun), to name members that enter the mean with a zero cost */
  members: readonly MemberValue[];
  names: ReadonlyMap<string, string>;
  spread: ChangeSpread | null;
  showRiket: boolean;
}

/** A cost KPI: kronor per inhabitant or similar, where 0 is an accounting gap rather than a free service. */
export const isCostUnit = (unit: string) => /kr/i.test(unit);

/**
 * Cautions shown under a panel. They never change a figure: each says what to keep in mind when
 * reading one (a zero cost, a share at 0 % or 100 %, an unusually large change, no Riket value).
 */
export function qualityNotes(a: QualityNoteArgs): string[] {
  const notes: string[] = [];
  const name = (id: string) => a.names.get(id) ?? id;
  const periods = new Set(a.points.map((p) => p.period));
  const shown = a.members.filter((m) => m.value !== null && periods.has(m.period));

  if (isCostUnit(a.kpi.unit)) {
    const zeros = shown.filter((m) => m.value === 0);
    if (zeros.length) {
      const list = zeros.map((m) => `${name(m.id)} ${m.period}`).join(', ');
      notes.push(
        `Kostnaden 0 ${a.kpi.unit} (${list}) är troligen en lucka i redovisningen, inte en verksamhet utan kostnad. Värdet visas som Kolada redovisar det och ingår i gruppmedlet.`,
      );
    }
  }

  if (a.kpi.unit === '%') {
    const edges = a.points.filter((p) => p.value === 0 || p.value === 100);
    if (edges.length) {
      const list = edges.map((p) => `${formatValue(p.value, '%')} ${p.period}`).join(', ');
      notes.push(
        `${a.kommunName} har en andel på exakt ${list}. En andel på 0 % eller 100 % bygger ofta på ett fåtal personer; jämför med antalet bakom andelen innan du drar slutsatser.`,
      );
    }
  }

  const threshold = unusualChangeThreshold(a.spread);
  if (threshold !== null) {
    for (let i = 1; i < a.points.length; i++) {
      const prev = a.points[i - 1];
      const cur = a.points[i];
      if (prev.value === null || cur.value === null || Number(cur.period) - Number(prev.period) !== 1) continue;
      const delta = cur.value - prev.value;
      if (Math.abs(delta) > threshold) {
        notes.push(
          `Förändringen ${prev.period}–${cur.period} (${formatChange(delta, a.kpi.unit)}) är mer än ${UNUSUAL_CHANGE_FACTOR} gånger den vanliga förändringen mellan två år för ${a.kpi.id} (median ${formatValue(a.spread!.medianAbs, a.kpi.unit)} bland alla kommuner). Kontrollera om underlaget är litet eller om redovisningen har ändrats.`,
        );
      }
    }
  }

  if (a.showRiket && a.points.length && a.points.every((p) => p.riket === null)) {
    notes.push(
      `Kolada redovisar inget värde för riket för ${a.kpi.id}, så ingen linje för riket visas. Medel för alla kommuner är inte detsamma som rikets värde och används inte i stället.`,
    );
  }
  return notes;
}

/** The absolute change above which a year-to-year change is flagged; null when the KPI's spread is unknown or zero. */
export function unusualChangeThreshold(spread: ChangeSpread | null): number | null {
  if (!spread || spread.n < 20 || !spread.medianAbs) return null;
  return UNUSUAL_CHANGE_FACTOR * spread.medianAbs;
}
