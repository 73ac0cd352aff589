/**
 * The dashboard's panels. A new panel is an entry here, not new code: `series` panels chart any KPI
 * in the data against a peer group; `monthly` panels show a monthly series this year vs last year and
 * its breakdowns (KPIs whose `parent` is the series); `stacked` panels show the breakdowns of a parent
 * KPI as 100 % bars.
 */
export interface PanelConfig {
  id: string;
  title: string;
  kind: 'series' | 'monthly' | 'stacked';
  /** KPIs selectable inside the panel; the first present in the data is the default */
  kpis: string[];
  intro: string;
}

export const PANELS: PanelConfig[] = [
  {
    id: 'ateraktualisering',
    title: 'Återaktualisering',
    kind: 'series',
    kpis: ['U31462'],
    intro: 'Andel vuxna som inte har återkommit till försörjningsstöd ett år efter avslutat stöd. Högre är bättre.',
  },
  {
    id: 'kostnader',
    title: 'Kostnader per invånare',
    kind: 'series',
    kpis: ['U31001', 'N31004', 'N31001', 'N31008', 'N40011'],
    intro: 'Ekonomiskt bistånd och arbetsmarknadsåtgärder i kronor per invånare.',
  },
  {
    id: 'arbete-studier',
    title: 'Till arbete eller studier',
    kind: 'series',
    kpis: ['U40455'],
    intro: 'Andel av deltagarna som avslutats i kommunens arbetsmarknadsverksamhet och som börjat arbeta eller studera.',
  },
  {
    id: 'sjukfranvaro',
    title: 'Sjukfrånvaro',
    kind: 'series',
    kpis: ['N00090'],
    intro: 'Sjukfrånvaro bland kommunalt anställda, andel av ordinarie arbetstid.',
  },
  {
    id: 'sjukfranvaro-manad',
    title: 'Sjukfrånvaro per månad',
    kind: 'monthly',
    kpis: ['X90001'],
    intro: 'Månadsvis sjukfrånvaro från HR-uppföljningen: i år jämfört med i fjol, och per åldersgrupp.',
  },
  {
    id: 'avslut',
    title: 'Avslut i arbetsmarknadsverksamheten',
    kind: 'stacked',
    kpis: ['X40000'],
    intro: 'Vart deltagarna gick vid avslut, som andel av alla avslut per år.',
  },
];
