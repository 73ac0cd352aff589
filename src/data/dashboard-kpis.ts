/**
 * The dashboard's own KPIs, in one list: the panel config (src/panels/panels.config.ts), the sample
 * generator (scripts/generate-sample-data.ts) and the KPIs `npm run data:kolada` always fetches derive
 * from it. Which way is better lives in the direction table (src/data/kpi-directions.csv).
 * Titles are public Kolada catalogue facts (2026-03); the X… series are the sample data's own.
 */
export interface DashboardKpi {
  id: string;
  title: string;
  unit: string;
  is_divided_by_gender: boolean;
  /** 'kolada': fetched from the Kolada API; 'sample': a series only the sample data has */
  origin: 'kolada' | 'sample';
  parent?: string;
  breakdown?: string;
}

export const DASHBOARD_KPIS: readonly DashboardKpi[] = [
  { id: 'U31462', title: 'Ej återaktualiserade vuxna personer med försörjningsstöd ett år efter avslutat försörjningsstöd, andel (%) (- 2024)', unit: '%', is_divided_by_gender: true, origin: 'kolada' },
  { id: 'U31001', title: 'Utbetalt ekonomiskt bistånd (enl SoS inkl flyktinghushåll), kr/inv', unit: 'kr/inv', is_divided_by_gender: false, origin: 'kolada' },
  { id: 'N31004', title: 'Utbetalt ekonomiskt bistånd (enl Sos exkl flyktinghushåll), kr/inv (-2023)', unit: 'kr/inv', is_divided_by_gender: false, origin: 'kolada' },
  { id: 'N31001', title: 'Kostnad ekonomiskt bistånd, kr/inv', unit: 'kr/inv', is_divided_by_gender: false, origin: 'kolada' },
  { id: 'N31008', title: 'Nettokostnad ekonomiskt bistånd, kr/inv', unit: 'kr/inv', is_divided_by_gender: false, origin: 'kolada' },
  { id: 'N40011', title: 'Nettokostnad arbetsmarknadsåtgärder, kr/inv', unit: 'kr/inv', is_divided_by_gender: false, origin: 'kolada' },
  { id: 'U40455', title: 'Resultat vid avslut i kommunens arbetsmarknadsverksamhet, deltagare som börjat arbeta eller studera, andel (%)', unit: '%', is_divided_by_gender: true, origin: 'kolada' },
  { id: 'N00090', title: 'Sjukfrånvaro totalt bland anställda, kommun, andel (%)', unit: '%', is_divided_by_gender: true, origin: 'kolada' },
  { id: 'X90001', title: 'Sjukfrånvaro per månad, kommunalt anställda, andel (%)', unit: '%', is_divided_by_gender: true, origin: 'sample' },
  { id: 'X90001_29', title: 'Sjukfrånvaro per månad, kommunalt anställda –29 år, andel (%)', unit: '%', is_divided_by_gender: false, origin: 'sample', parent: 'X90001', breakdown: '–29 år' },
  { id: 'X90001_30_49', title: 'Sjukfrånvaro per månad, kommunalt anställda 30–49 år, andel (%)', unit: '%', is_divided_by_gender: false, origin: 'sample', parent: 'X90001', breakdown: '30–49 år' },
  { id: 'X90001_50', title: 'Sjukfrånvaro per månad, kommunalt anställda 50– år, andel (%)', unit: '%', is_divided_by_gender: false, origin: 'sample', parent: 'X90001', breakdown: '50– år' },
  { id: 'X40000', title: 'Avslut i kommunens arbetsmarknadsverksamhet, antal', unit: 'antal', is_divided_by_gender: false, origin: 'sample' },
  { id: 'X40001', title: 'Avslut i arbetsmarknadsverksamheten: till arbete, antal', unit: 'antal', is_divided_by_gender: false, origin: 'sample', parent: 'X40000', breakdown: 'Arbete' },
  { id: 'X40002', title: 'Avslut i arbetsmarknadsverksamheten: till studier, antal', unit: 'antal', is_divided_by_gender: false, origin: 'sample', parent: 'X40000', breakdown: 'Studier' },
  { id: 'X40003', title: 'Avslut i arbetsmarknadsverksamheten: till annan myndighet, antal', unit: 'antal', is_divided_by_gender: false, origin: 'sample', parent: 'X40000', breakdown: 'Annan myndighet' },
  { id: 'X40004', title: 'Avslut i arbetsmarknadsverksamheten: övrigt, antal', unit: 'antal', is_divided_by_gender: false, origin: 'sample', parent: 'X40000', breakdown: 'Övrigt' },
];

export const dashboardKpi = (id: string): DashboardKpi | undefined => DASHBOARD_KPIS.find((k) => k.id === id);

/** The KPIs `npm run data:kolada` always fetches. */
export const KOLADA_API_KPIS: readonly string[] = DASHBOARD_KPIS.filter((k) => k.origin === 'kolada').map((k) => k.id);
