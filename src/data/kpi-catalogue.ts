/**
 * The KPI catalogue: every KPI the data source knows, with or without values here (Kolada's 6,099
 * plus discontinued ones). Read at build time from the optional contract file `catalogue.csv`; the
 * browser loads it only when the user searches (`data/catalogue.json`, src/data/catalogue-search.ts).
 */
export interface CatalogueEntry {
  id: string;
  title: string;
  description: string;
  /** Kolada's verksamhetsområde, e.g. "Äldre och funktionshinder"; '' when unknown */
  area: string;
  unit: string;
  is_divided_by_gender: boolean;
  /** the latest period Kolada publishes, e.g. "2025"; '' when unknown or discontinued */
  publ_period: string;
  higher_is_better: boolean | null;
  /** true when the data here has values for it */
  has_data: boolean;
}

/** What a page needs about a KPI that has values, beyond `Kpi`: its area and publication period. */
export interface KpiFacts {
  area: string;
  publ_period: string;
}

export const CATALOGUE_FILE = 'catalogue.csv';
export const CATALOGUE_COLUMNS = ['id', 'title', 'description', 'operating_area', 'unit', 'is_divided_by_gender', 'publ_period', 'higher_is_better'] as const;

/** A catalogue entry as a catalogue.csv row, in the order of CATALOGUE_COLUMNS. */
export const catalogueRow = (c: Omit<CatalogueEntry, 'has_data'>) =>
  [c.id, c.title, c.description, c.area, c.unit, c.is_divided_by_gender, c.publ_period, c.higher_is_better] as const;
/** Where the site serves the catalogue (beside values and meta.json). */
export const CATALOGUE_JSON = 'catalogue.json';

/** The KPI's page on kolada.se (a plain link; the site never requests it). */
export function koladaUrl(id: string): string {
  return `https://www.kolada.se/verktyg/fri-sokning/?kpis=${encodeURIComponent(id)}`;
}

/** The unit, read from a Kolada title such as "…, andel (%)" or "…, kr/inv". */
export function unitFromTitle(title: string): string {
  if (/\(%\)|andel|procent/i.test(title)) return '%';
  if (/kr\/inv/i.test(title)) return 'kr/inv';
  const m = /,\s*(kr\/[\wåäö]+|kr|antal(?:\/[\w åäö]+)?|dagar|år|timmar|poäng|index)\s*(\(.*\))?$/i.exec(title);
  return m ? m[1] : '';
}
