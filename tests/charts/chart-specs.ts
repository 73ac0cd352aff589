import type { Feature, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { topology } from 'topojson-server';
import type { LineChartSpec, MapChartSpec, RankChartSpec, StackedBarSpec } from '../../src/charts/spec.ts';

/** Fixed, synthetic chart specs (no real Kolada values) for golden files and export tests. */
const SOURCES = [
  'Källa: Kolada (RKA), U99999, hämtad 2024-05-01',
  'Egen bearbetning av data från Kolada (gruppmedel, median, spridning, placeringar)',
];

export const lineSpec: LineChartSpec = {
  kind: 'line',
  id: 'golden-line',
  title: 'Andel vuxna biståndsmottagare utan återaktualisering efter ett år',
  subtitle: 'Åby jämfört med liknande kommuner, totalt.',
  unit: '%',
  xs: ['2017', '2018', '2019', '2020', '2021', '2022'],
  series: [
    {
      id: 'kommun',
      label: 'Åby',
      role: 'focus',
      points: [
        { x: '2017', y: 71.3 },
        { x: '2018', y: 74.8 },
        { x: '2019', y: null, status: 'sekretess' },
        { x: '2020', y: 80.15 },
        { x: '2021', y: 77.777 },
        { x: '2022', y: 82 },
      ],
    },
    {
      id: 'group',
      label: 'Medel: Liknande kommuner',
      short: 'Gruppmedel',
      role: 'group',
      points: [
        { x: '2017', y: 73.2 },
        { x: '2018', y: 73.9 },
        { x: '2019', y: 75.05 },
        { x: '2020', y: 76.6 },
        { x: '2021', y: 78.1 },
        { x: '2022', y: 79.333 },
      ],
    },
    {
      id: 'riket',
      label: 'Riket',
      role: 'riket',
      points: [
        { x: '2017', y: 75 },
        { x: '2018', y: 75.5 },
        { x: '2019', y: 76 },
        { x: '2020', y: 77.25 },
        { x: '2021', y: 78 },
        { x: '2022', y: 78.5 },
      ],
    },
  ],
  band: {
    label: 'Gruppens spridning (min–max)',
    points: [
      { x: '2017', lo: 60.1, hi: 85.2 },
      { x: '2018', lo: 61, hi: 86 },
      { x: '2019', lo: 62.5, hi: 88.75 },
      { x: '2020', lo: 64, hi: 88 },
      { x: '2021', lo: 63.3, hi: 90.1 },
      { x: '2022', lo: 66, hi: 91 },
    ],
  },
  target: { value: 80, comparison: '>=', label: 'Mål ≥ 80 % (2022)' },
  sources: SOURCES,
  summary: 'Åby låg över medelvärdet för liknande kommuner 2022. Senaste värde 2022: 82 %.',
  table: {
    caption: 'Andel utan återaktualisering: Åby, Liknande kommuner',
    unit: '%',
    columns: ['År', 'Åby', 'Medel Liknande kommuner', 'Antal med värde', 'Min', 'Max', 'Plats bland alla'],
    rows: [
      ['2017', 71.3, 73.2, 7, 60.1, 85.2, '120 av 290'],
      ['2018', 74.8, 73.9, 7, 61, 86, '98 av 290'],
      ['2019', null, 75.05, 6, 62.5, 88.75, null],
      ['2020', 80.15, 76.6, 7, 64, 88, '77 av 290'],
      ['2021', 77.777, 78.1, 7, 63.3, 90.1, '140 av 290'],
      ['2022', 82, 79.333, 7, 66, 91, '60 av 290'],
    ],
  },
  fileStem: 'U99999_9999_liknande',
};

const NAMES = [
  'Åby',
  'Bergsjö',
  'Dalby',
  'Ekeby',
  'Forsa',
  'Gnesta',
  'Hova',
  'Ivösjö',
  'Järna',
  'Kivik',
  'Lomma',
  'Malå',
  'Nora',
  'Orsa',
  'Piteå',
  'Rö',
];

export const rankSpec: RankChartSpec = {
  kind: 'rank',
  id: 'golden-rank',
  title: 'Kostnad för ekonomiskt bistånd, kr/inv',
  subtitle: 'Alla kommuner 2022, sorterade efter värde. Åby och liknande kommuner markerade.',
  unit: 'kr/inv',
  bars: NAMES.map((label, i) => ({
    id: String(1000 + i),
    label,
    value: i === 15 ? null : 1900 - i * 97.5 - (i % 3) * 11.11,
    role: i === 4 ? 'focus' : i % 5 === 1 ? 'peer' : 'other',
  })),
  missing: 1,
  sources: SOURCES,
  summary: 'Forsa har plats 5 av 15.',
  table: {
    caption: 'Kostnad per invånare 2022',
    unit: 'kr/inv',
    columns: ['Kommun', 'Värde', 'Plats'],
    rows: NAMES.map((n, i) => [n, i === 15 ? null : 1900 - i * 97.5 - (i % 3) * 11.11, i === 15 ? null : i + 1]),
  },
  fileStem: 'N31001_2022_rank',
};

export const stackedSpec: StackedBarSpec = {
  kind: 'stacked',
  id: 'golden-stacked',
  title: 'Avslut i arbetsmarknadsverksamheten efter orsak',
  subtitle: 'Åby, andel av alla avslut per år.',
  unit: '%',
  xs: ['2019', '2020', '2021', '2022'],
  categories: [
    { id: 'arbete', label: 'Arbete' },
    { id: 'studier', label: 'Studier' },
    { id: 'annat', label: 'Annan orsak' },
    { id: 'okand', label: 'Okänd' },
  ],
  values: [
    [40, 12, 30, 8],
    [35, 15, 33, 10],
    [null, null, null, null],
    [52, 18, 21, 9],
  ],
  sources: ['Exempeldata – inte officiell statistik (X40000)'],
  summary: 'Andelen till arbete ökade.',
  table: {
    caption: 'Avslut per orsak',
    unit: 'antal',
    columns: ['År', 'Arbete', 'Studier', 'Annan orsak', 'Okänd'],
    rows: [
      ['2019', 40, 12, 30, 8],
      ['2020', 35, 15, 33, 10],
      ['2021', null, null, null, null],
      ['2022', 52, 18, 21, 9],
    ],
  },
  fileStem: 'X40000_9999',
};

/**
 * A synthetic "country" for the map's golden files (the real boundaries come from shared/ and are
 * never committed): 4 × 5 square kommuner in two län, in planar coordinates like the built file.
 */
export function syntheticMapTopology(): Topology {
  const features: Feature<Polygon, { name: string; lan: string; lanName: string }>[] = [];
  for (let row = 0; row < 5; row++) {
    for (let col = 0; col < 4; col++) {
      const i = row * 4 + col;
      const [x, y] = [col * 100, row * 100];
      features.push({
        type: 'Feature',
        id: String(1000 + i),
        properties: {
          name: NAMES[i % NAMES.length] + (i >= NAMES.length ? ' 2' : ''),
          lan: col < 2 ? '01' : '02',
          lanName: col < 2 ? 'Västra' : 'Östra',
        },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x, y],
              [x + 100, y],
              [x + 100, y + 100],
              [x, y + 100],
              [x, y],
            ],
          ],
        },
      });
    }
  }
  return topology({ kommuner: { type: 'FeatureCollection', features } } as never) as unknown as Topology;
}

const MAP_CLASSES: MapChartSpec['areas'][number]['cls'][] = ['best', 'middle', 'middle', 'worst', 'missing'];

export const mapSpec: MapChartSpec = {
  kind: 'map',
  id: 'golden-map',
  title: 'Andel vuxna biståndsmottagare utan återaktualisering efter ett år',
  subtitle: 'Alla kommuner 2022. Klasser som i Kolada (högre är bättre). Forsa och liknande kommuner inringade.',
  unit: '%',
  areas: Array.from({ length: 20 }, (_, i) => ({
    id: String(1000 + i),
    label: NAMES[i % NAMES.length] + (i >= NAMES.length ? ' 2' : ''),
    value: MAP_CLASSES[i % 5] === 'missing' ? null : 60 + i,
    cls: MAP_CLASSES[i % 5],
    role: i === 4 ? 'focus' : i % 6 === 1 ? 'peer' : 'other',
  })),
  classes: [
    { cls: 'best', label: 'Bästa fjärdedelen (75 % eller mer)' },
    { cls: 'middle', label: 'Mittersta hälften (mellan 65 % och 75 %)' },
    { cls: 'worst', label: 'Sämsta fjärdedelen (65 % eller mindre)' },
    { cls: 'missing', label: 'Värde saknas (4)' },
  ],
  peerLabel: 'Liknande kommuner',
  sources: [...SOURCES, 'Kommungränser: Valmyndigheten via okfse/sweden-geojson'],
  summary: 'Forsa hör till mittersta hälften.',
  table: {
    caption: 'Andel utan återaktualisering 2022, klass på kartan',
    unit: '%',
    columns: ['Kommun', 'Län', 'Värde', 'Klass', 'Markerad'],
    rows: [['Forsa', 'Västra', 64, 'Mittersta hälften', 'Vald kommun']],
  },
  fileStem: 'U99999_2022_T_karta',
};
