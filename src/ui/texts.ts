/**
 * The UI chrome in Swedish (default) and English. Data stays as it is: KPI titles, chart texts,
 * summaries and source lines are Swedish in both languages, and numbers are always formatted sv-SE
 * ("1 234,5") so the page, the charts and exported figures agree.
 */
import type { PeerKind } from '../peers/peer-group.ts';

export type Lang = 'sv' | 'en';

const sv = {
  htmlLang: 'sv',
  skip: 'Hoppa till innehållet',
  sampleRest: 'Värden och grupper är påhittade för att visa verktyget.',
  brandTagline: 'nyckeltal för kommuner',
  mainMenu: 'Huvudmeny',
  nav: { start: 'Kommuner', rangordning: 'Rangordning', 'egna-data': 'Egna data', 'om-data': 'Om data' },
  langSwitch: { label: 'In English', lang: 'en' as Lang, hreflang: 'en' },
  loadingPage: 'Laddar sidan …',
  titles: { start: 'Jämför – nyckeltal för kommuner', rangordning: 'Rangordning', 'egna-data': 'Egna data', 'om-data': 'Om data', tillganglighet: 'Tillgänglighetsredogörelse', saknas: 'Sidan finns inte', rapport: 'Rapport' },
  footerOwn: 'Gruppvärden och placeringar är egen bearbetning.',
  footerSource: (source: string, licence: string, retrieved: string) => `Källa: ${source}, licens ${licence}${retrieved ? `, hämtad ${retrieved}` : ''}.`,
  accessibility: 'Tillgänglighetsredogörelse',
  start: {
    h1: 'Jämför kommunens nyckeltal med liknande kommuner',
    lead: 'Jämför visar hur en kommun ligger till inom ekonomiskt bistånd, arbetsmarknadsinsatser och sjukfrånvaro – över tid, mot liknande kommuner, länet och riket. För revisorer, förvaltningar och alla som vill följa upp resultat.',
    pick: 'Välj kommun',
    rankLink: 'Rangordna alla kommuner för ett nyckeltal',
    aboutLink: 'Om data och beräkningar',
    allH2: 'Alla kommuner efter län',
    county: (code: string) => `Län ${code}`,
  },
  search: { choose: 'Välj', noMatch: (q: string) => `Ingen kommun matchar "${q}".` },
  kommun: {
    crumb: 'Kommun',
    skrGroup: 'SKR-grupp',
    code: 'kommunkod',
    report: 'Rapportvy för utskrift',
    ranking: 'Rangordning av alla kommuner',
    panels: 'Paneler',
    noJs: 'Val av jämförelsegrupp, kön, år och nyckeltal kräver JavaScript. Utan JavaScript visas standardvyn: liknande kommuner, totalt, senaste året.',
  },
  copy: { button: 'Kopiera länk', copied: 'Länken är kopierad.', manual: 'Kopiera länken nedan (Ctrl+C eller ⌘+C):' },
  controls: {
    form: 'Jämförelse',
    compareWith: 'Jämför med',
    peer: {
      liknande: 'Liknande kommuner, ekonomiskt bistånd', skr: 'SKR:s kommungrupp', lan: 'Länet', alla: 'Alla kommuner', egen: 'Egen grupp',
    } as Record<PeerKind, string>,
    edition: 'Utgåva',
    customHelp: (max: number, n: number) => `Välj upp till ${max} kommuner (${n} valda).`,
    addKommun: 'Lägg till kommun',
    remove: (name: string) => `Ta bort ${name}`,
    show: 'Visa',
    gender: 'Kön',
    genders: { T: 'Totalt', K: 'Kvinnor', M: 'Män' },
    year: 'År för placering',
    latest: 'Senaste',
    band: 'Spridning',
    bands: { minmax: 'Min–max', iqr: 'Kvartiler', none: 'Ingen' },
    riket: 'Riket',
    all: 'Medel alla kommuner',
  },
  panel: {
    kpi: 'Nyckeltal',
    loading: 'Hämtar värden …',
    error: (msg: string) => `Det här valet kunde inte räknas fram: ${msg}`,
    empty: (name: string, kpi: string) => `${name} har inga värden för ${kpi}.`,
    mean: 'Medel',
    place: 'Placering',
    inGroup: 'i gruppen',
    amongAll: 'bland alla kommuner',
    seeRanking: 'Se rangordningen',
    extraTitle: 'Valt nyckeltal',
    extraIntro: 'Tillagt via sökningen.',
    members: (n: number) => `Gruppens medlemmar (${n})`,
    table: 'Visa som tabell',
    genderCompare: 'Kvinnor och män',
  },
  panels: {} as Record<string, { title: string; intro: string }>,
  kpiSearch: {
    h2: 'Fler nyckeltal',
    label: 'Sök nyckeltal (namn eller id, t.ex. "ekonomiskt bistånd" eller N31807)',
    hits: 'Träffar',
    none: 'Inga nyckeltal matchar.',
    added: 'Tillagda:',
    remove: '(ta bort)',
  },
  engine: {
    starting: 'Laddar databasen för egna jämförelser …',
    failed: 'Databasen i webbläsaren fungerar inte just nu.',
    failedRest: 'Diagrammen som redan visas gäller fortfarande, men nya val kan inte räknas fram förrän databasen har startats om.',
    cause: 'Orsak:',
    retry: 'Försök igen',
  },
  notFound: { h1: 'Sidan finns inte', text: 'Adressen motsvarar ingen sida i Jämför:', home: 'Till startsidan' },
};

export type Dict = typeof sv;

const en: Dict = {
  htmlLang: 'en',
  skip: 'Skip to content',
  sampleRest: 'Values and groups are made up to demonstrate the tool.',
  brandTagline: 'indicators for Swedish municipalities',
  mainMenu: 'Main menu',
  nav: { start: 'Municipalities', rangordning: 'Ranking', 'egna-data': 'Your own data', 'om-data': 'About the data' },
  langSwitch: { label: 'På svenska', lang: 'sv', hreflang: 'sv' },
  loadingPage: 'Loading the page …',
  titles: { start: 'Jämför – indicators for Swedish municipalities', rangordning: 'Ranking', 'egna-data': 'Your own data', 'om-data': 'About the data', tillganglighet: 'Accessibility statement', saknas: 'Page not found', rapport: 'Report' },
  footerOwn: 'Group values and ranks are our own processing.',
  footerSource: (source, licence, retrieved) => `Source: ${source}, licence ${licence}${retrieved ? `, retrieved ${retrieved}` : ''}.`,
  accessibility: 'Accessibility statement',
  start: {
    h1: 'Compare a municipality’s indicators with similar municipalities',
    lead: 'Jämför shows how a Swedish municipality is doing on social assistance, labour market measures and sickness absence – over time, against similar municipalities, its county and the whole country. For auditors, administrations and anyone following up results.',
    pick: 'Choose a municipality',
    rankLink: 'Rank all municipalities on one indicator',
    aboutLink: 'About the data and calculations',
    allH2: 'All municipalities by county',
    county: (code) => `County ${code}`,
  },
  search: { choose: 'Choose', noMatch: (q) => `No municipality matches "${q}".` },
  kommun: {
    crumb: 'Municipality',
    skrGroup: 'SKR group',
    code: 'municipality code',
    report: 'Printable report',
    ranking: 'Ranking of all municipalities',
    panels: 'Panels',
    noJs: 'Choosing the comparison group, gender, year and indicator needs JavaScript. Without JavaScript the default view is shown: similar municipalities, total, latest year.',
  },
  copy: { button: 'Copy link', copied: 'The link has been copied.', manual: 'Copy the link below (Ctrl+C or ⌘+C):' },
  controls: {
    form: 'Comparison',
    compareWith: 'Compare with',
    peer: {
      liknande: 'Similar municipalities, social assistance', skr: 'SKR municipality group', lan: 'The county', alla: 'All municipalities', egen: 'Your own group',
    },
    edition: 'Edition',
    customHelp: (max, n) => `Choose up to ${max} municipalities (${n} chosen).`,
    addKommun: 'Add municipality',
    remove: (name) => `Remove ${name}`,
    show: 'Show',
    gender: 'Gender',
    genders: { T: 'Total', K: 'Women', M: 'Men' },
    year: 'Year for ranks',
    latest: 'Latest',
    band: 'Spread',
    bands: { minmax: 'Min–max', iqr: 'Quartiles', none: 'None' },
    riket: 'Sweden (riket)',
    all: 'Mean of all municipalities',
  },
  panel: {
    kpi: 'Indicator',
    loading: 'Fetching values …',
    error: (msg) => `This choice could not be calculated: ${msg}`,
    empty: (name, kpi) => `${name} has no values for ${kpi}.`,
    mean: 'Mean',
    place: 'Rank',
    inGroup: 'in the group',
    amongAll: 'among all municipalities',
    seeRanking: 'See the ranking',
    extraTitle: 'Chosen indicator',
    extraIntro: 'Added through the search.',
    members: (n) => `Members of the group (${n})`,
    table: 'Show as table',
    genderCompare: 'Women and men',
  },
  panels: {
    ateraktualisering: { title: 'Return to social assistance', intro: 'Share of adults who have not returned to social assistance one year after it ended. Higher is better.' },
    kostnader: { title: 'Costs per inhabitant', intro: 'Social assistance and labour market measures in kronor per inhabitant.' },
    'arbete-studier': { title: 'To work or studies', intro: 'Share of participants leaving the municipality’s labour market programmes who started work or studies.' },
    sjukfranvaro: { title: 'Sickness absence', intro: 'Sickness absence among municipal employees, share of regular working hours.' },
    'sjukfranvaro-manad': { title: 'Sickness absence per month', intro: 'Monthly sickness absence from HR follow-up: this year compared with last year, and by age group.' },
    avslut: { title: 'Exits from labour market programmes', intro: 'Where participants went when they left, as a share of all exits per year.' },
  },
  kpiSearch: {
    h2: 'More indicators',
    label: 'Search indicators (name or id, e.g. "ekonomiskt bistånd" or N31807)',
    hits: 'Matches',
    none: 'No indicator matches.',
    added: 'Added:',
    remove: '(remove)',
  },
  engine: {
    starting: 'Loading the database for your own comparisons …',
    failed: 'The in-browser database is not working right now.',
    failedRest: 'The charts already shown are still valid, but new choices cannot be calculated until the database has been restarted.',
    cause: 'Cause:',
    retry: 'Try again',
  },
  notFound: { h1: 'Page not found', text: 'This address is not a page in Jämför:', home: 'To the start page' },
};

const DICTS: Record<Lang, Dict> = { sv, en };

export function dict(lang: Lang): Dict {
  return DICTS[lang] ?? sv;
}

/** A panel's title and intro in the UI language (configured Swedish text when there is no translation). */
export function panelText(d: Dict, panel: { id: string; title: string; intro: string }): { title: string; intro: string } {
  return d.panels[panel.id] ?? { title: panel.title, intro: panel.intro };
}
