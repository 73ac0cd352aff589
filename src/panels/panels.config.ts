import { dashboardKpi } from '../data/dashboard-kpis.ts';

/**
 * The dashboard's panels and their texts. A new panel is an entry here, not new code: `series` panels
 * chart any KPI in the data against a peer group; `monthly` panels show a monthly series this year vs
 * last year and its breakdowns (KPIs whose `parent` is the series); `stacked` panels show the
 * breakdowns of a parent KPI as 100 % bars. KPI ids come from the dashboard's KPI list
 * (src/data/dashboard-kpis.ts); src/panels/PanelSlot.svelte dispatches a panel by its kind.
 */
export interface PanelConfig {
  id: string;
  title: string;
  kind: 'series' | 'monthly' | 'stacked';
  /** KPIs selectable inside the panel; the first present in the data is the default */
  kpis: string[];
  intro: string;
  /** texts a panel kind shows besides its title and intro */
  texts?: Partial<PanelTexts>;
}

export interface PanelTexts {
  /** stacked: the key figure's label, e.g. "Till arbete eller studier 2024" */
  figure: string;
  /** stacked: the share's detail, "{count} av {total} avslut" */
  ofTotal: string;
  /** stacked: shown when the kommun has no rows, before the hint about Egna data */
  empty: string;
}

const ids = (...list: string[]) =>
  list.map((id) => {
    if (!dashboardKpi(id)) throw new Error(`panels.config: ${id} is not in src/data/dashboard-kpis.ts`);
    return id;
  });

export const PANELS: PanelConfig[] = [
  {
    id: 'ateraktualisering',
    title: 'Återaktualisering',
    kind: 'series',
    kpis: ids('U31462'),
    intro: 'Andel vuxna som inte har återkommit till försörjningsstöd ett år efter avslutat stöd. Högre är bättre.',
  },
  {
    id: 'kostnader',
    title: 'Kostnader per invånare',
    kind: 'series',
    kpis: ids('U31001', 'N31004', 'N31001', 'N31008', 'N40011'),
    intro: 'Ekonomiskt bistånd och arbetsmarknadsåtgärder i kronor per invånare.',
  },
  {
    id: 'arbete-studier',
    title: 'Till arbete eller studier',
    kind: 'series',
    kpis: ids('U40455'),
    intro: 'Andel av deltagarna som avslutats i kommunens arbetsmarknadsverksamhet och som börjat arbeta eller studera.',
  },
  {
    id: 'sjukfranvaro',
    title: 'Sjukfrånvaro',
    kind: 'series',
    kpis: ids('N00090'),
    intro: 'Sjukfrånvaro bland kommunalt anställda, andel av ordinarie arbetstid.',
  },
  {
    id: 'sjukfranvaro-manad',
    title: 'Sjukfrånvaro per månad',
    kind: 'monthly',
    kpis: ids('X90001'),
    intro: 'Månadsvis sjukfrånvaro från HR-uppföljningen: i år jämfört med i fjol, och per åldersgrupp.',
  },
  {
    id: 'avslut',
    title: 'Avslut i arbetsmarknadsverksamheten',
    kind: 'stacked',
    kpis: ids('X40000'),
    intro: 'Vart deltagarna gick vid avslut, som andel av alla avslut per år.',
    texts: {
      figure: 'Till arbete eller studier',
      ofTotal: '{count} av {total} avslut',
      empty: '{kommun} har inga avslut registrerade för {kpi}.',
    },
  },
];

/** The panel of a KPI added through the search ("Fler nyckeltal"); id and kpis are set per KPI. */
export const EXTRA_PANEL: Omit<PanelConfig, 'id' | 'kpis'> = {
  title: 'Valt nyckeltal',
  kind: 'series',
  intro: 'Tillagt via sökningen.',
};

/** A panel text with {placeholders} filled in. */
export function panelText(panel: PanelConfig, key: keyof PanelTexts, fill: Record<string, string | number> = {}): string {
  return (panel.texts?.[key] ?? '').replace(/\{(\w+)\}/g, (_, k: string) => (Object.hasOwn(fill, k) ? String(fill[k]) : ''));
}
