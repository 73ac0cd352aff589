import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import type { ChartSpec } from '../../src/charts/spec.ts';
import { formatCell } from '../../src/charts/table-cell.ts';
import { csvHeaders } from '../../src/export/csv.ts';
import { altText } from '../../src/export/alt-text.ts';
import { exportMeta } from '../../src/export/office-meta.ts';
import { tableXlsx, DATA_SHEET, META_SHEET, MEMBER_SHEET } from '../../src/export/xlsx.ts';
import { memberTableOf } from '../../src/export/office-meta.ts';
import { reportDocx, type ReportCover } from '../../src/export/docx.ts';
import { chartsPptx, nativeChart } from '../../src/export/pptx.ts';
import { pngSize } from '../../src/export/png-dpi.ts';
import { stripXmlForbidden as xmlText } from '../../src/export/xml-text.ts';
const hasXmlForbidden = (s: string) => xmlText(s) !== s;
import { PAYLOADS } from '../security/payloads.ts';
import { lineSpec, mapSpec, rankSpec, stackedSpec } from '../charts/chart-specs.ts';
import { readDocx, readPptx, readXlsx } from '../support/office-files.ts';

const PNG = new Uint8Array(readFileSync('docs/img/kommun-1286-sample.png'));
function withTrailingByte(png: Uint8Array, b: number): Uint8Array {
  const out = new Uint8Array(png.length + 1);
  out.set(png);
  out[png.length] = b;
  return out;
}
const image = async () => ({ png: PNG, size: pngSize(PNG) });
const about = {
  kpi: { id: 'U99999', title: lineSpec.title, description: 'Andel av vuxna … (definition).', unit: '%' },
  kommun: { id: '9999', name: 'Åby' },
  group: { label: 'Liknande kommuner (utgåva 2023)', description: 'x', edition: 2023 },
  manifest: { sample: false, retrieved: '2024-05-01', source: 'Kolada (RKA)' },
};
const CONTROL = 'A\u0000B\u0001C\u0008D\u000bE\u000cF\u001fG\ufffeH\uffffI\ud800J';

/** A spec whose every text carries hostile payloads and XML-forbidden characters. */
function hostile(spec: ChartSpec): ChartSpec {
  const bad = `${PAYLOADS[0]} ${CONTROL} ${PAYLOADS.find((p) => p.startsWith('=HYPERLINK'))}`;
  const s = {
    ...spec,
    title: `${spec.title} ${bad}`,
    subtitle: bad,
    summary: `${spec.summary} ${bad}`,
    sources: [...spec.sources, bad],
    fileStem: bad,
  };
  s.table = {
    ...spec.table,
    caption: bad,
    columns: spec.table.columns.map((c, i) => (i === 1 ? `=${c}${CONTROL}` : c)),
    rows: spec.table.rows.map((r, i) => (i === 0 ? [...r.slice(0, -1), bad] : r)),
  };
  if (s.kind === 'line') s.series = s.series.map((x) => ({ ...x, label: `${x.label}${CONTROL}` }));
  if (s.kind === 'rank') s.bars = s.bars.map((b, i) => (i === 0 ? { ...b, label: `=${b.label}${CONTROL}` } : b));
  return s as ChartSpec;
}

describe('xml-text', () => {
  it('removes exactly the characters XML 1.0 forbids and keeps the rest (tab, line breaks, Swedish, emoji)', () => {
    expect(xmlText(CONTROL)).toBe('ABCDEFGHIJ');
    expect(xmlText('Åre\t"x"\r\n<y> 😀 \u00a0')).toBe('Åre\t"x"\r\n<y> 😀 \u00a0');
    expect(hasXmlForbidden(CONTROL)).toBe(true);
    expect(hasXmlForbidden(xmlText(CONTROL))).toBe(false);
  });
});

describe('xlsx', () => {
  for (const spec of [lineSpec, rankSpec, stackedSpec] as ChartSpec[]) {
    it(`${spec.kind}: the sheet holds the table – numbers as numbers with the shown decimals, years as numbers`, async () => {
      const { sheets, formats } = readXlsx(await tableXlsx(spec.table, exportMeta(spec, about)));
      expect([...sheets.keys()]).toEqual([DATA_SHEET, META_SHEET]);
      const grid = sheets.get(DATA_SHEET)!;
      expect(grid[0]).toEqual(csvHeaders(spec.table));
      expect(grid.length).toBe(spec.table.rows.length + 1);
      spec.table.rows.forEach((row, r) => {
        row.forEach((v, c) => {
          const cell = grid[r + 1][c] ?? null;
          if (c === 0 && typeof v === 'string' && /^\d{4}$/.test(v)) expect(cell).toBe(Number(v));
          else expect(cell, `${r}/${c}`).toEqual(v);
          // the number format shows what the page shows
          if (typeof v === 'number' && c > 0) {
            const f = formats.get(DATA_SHEET)![r + 1][c];
            const decimals = /\.(0+)$/.exec(f)?.[1].length ?? 0;
            expect(f).toMatch(/^#,##0(\.0+)?$/);
            const shown = formatCell(spec.table, v, c).replace(/\s/g, '');
            expect(
              new Intl.NumberFormat('sv-SE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
                .format(v)
                .replace(/\s/g, '')
                .replace(/,0+$/, ''),
            ).toBe(shown.replace(/,0+$/, ''));
          }
        });
      });
    });
  }

  it('the "Om data" sheet says title, KPI id, definition, kommun, group, edition, sources and retrieval date', async () => {
    const meta = readXlsx(await tableXlsx(lineSpec.table, exportMeta(lineSpec, about))).sheets.get(META_SHEET)!;
    const pairs = new Map(meta.filter((r) => r[0]).map((r) => [r[0], r[1]]));
    expect(pairs.get('Titel')).toBe(lineSpec.title);
    expect(pairs.get('Nyckeltal')).toBe('U99999');
    expect(pairs.get('Definition')).toBe(about.kpi.description);
    expect(pairs.get('Kommun')).toBe('Åby');
    expect(pairs.get('Jämförelsegrupp')).toBe('Liknande kommuner (utgåva 2023)');
    expect(pairs.get('Utgåva')).toBe('2023');
    expect(pairs.get('Data hämtad')).toBe('2024-05-01');
    expect(meta.map((r) => r[1])).toEqual(expect.arrayContaining(lineSpec.sources));
  });

  it('member values, when the chart carries them, get their own sheet with kommun codes kept as text', async () => {
    const memberTable = {
      caption: 'Värde per kommun',
      unit: '%',
      columns: ['Kommun', 'Kod', 'Roll', '2021', '2022'],
      rows: [
        ['Åby', '0180', 'Vald kommun', 77.777, 82],
        ['Bergsjö', '0114', 'Medlem', '..', 79.5],
      ],
    };
    const spec = { ...lineSpec, memberTable } as ChartSpec;
    const { sheets, formats } = readXlsx(await tableXlsx(spec.table, exportMeta(spec, about), memberTableOf(spec)));
    expect([...sheets.keys()]).toEqual([DATA_SHEET, MEMBER_SHEET, META_SHEET]);
    expect(sheets.get(MEMBER_SHEET)).toEqual([['Kommun', 'Kod', 'Roll', '2021 (%)', '2022 (%)'], ...memberTable.rows]);
    // the code column is formatted as text (Excel keeps "0180"), the value columns as numbers
    expect(
      formats
        .get(MEMBER_SHEET)!
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(['@', '@']);
    expect(formats.get(MEMBER_SHEET)![1][4]).toBe('#,##0.0');
    expect(memberTableOf(lineSpec)).toBeNull();
  });

  it('hostile names stay text: no formula, no forbidden characters, every part well-formed XML', async () => {
    const spec = hostile(rankSpec);
    const { sheets } = readXlsx(await tableXlsx(spec.table, exportMeta(spec, about)));
    const all = [...sheets.values()].flat(2).filter((v): v is string => typeof v === 'string');
    expect(all.some((v) => v.startsWith('=HYPERLINK') || v.includes('=HYPERLINK'))).toBe(true);
    expect(all.some((v) => v.includes('<script>'))).toBe(true);
    expect(all.filter(hasXmlForbidden)).toEqual([]);
  });
});

const cover: ReportCover = {
  kommun: 'Åby',
  group: 'Liknande kommuner (utgåva 2023)',
  groupDescription: 'Liknande kommuner, ekonomiskt bistånd – Koladas grupp, utgåva 2023',
  edition: 2023,
  members: 7,
  sourceNote: 'Källa: Kolada (RKA), data hämtad 2024-05-01.',
  created: '2026-11-30',
};

describe('docx', () => {
  it('has a title page, then per chart its summary, image with alt text, table and source lines', async () => {
    const specs = [lineSpec, rankSpec, stackedSpec] as ChartSpec[];
    // distinct bytes per chart (a trailing byte after IEND), as real charts differ; Word stores equal images once
    const doc = readDocx(
      await reportDocx(
        cover,
        specs.map((spec, i) => ({ spec, png: withTrailingByte(PNG, i), size: pngSize(PNG) })),
      ),
    );
    expect(doc.paragraphs[0]).toBe('Nyckeltal för Åby');
    expect(doc.paragraphs).toContain('Jämfört med Liknande kommuner (utgåva 2023) (7 kommuner).');
    expect(doc.paragraphs.some((p) => p.includes('2026-11-30'))).toBe(true);
    expect(doc.images.length).toBe(specs.length);
    expect(doc.altTexts).toEqual(specs.map(altText));
    for (const [i, spec] of specs.entries()) {
      expect(doc.paragraphs).toContain(spec.summary);
      expect(doc.paragraphs).toContain(spec.title);
      for (const s of spec.sources) expect(doc.paragraphs).toContain(s);
      expect(doc.tables[i][0]).toEqual(spec.table.columns);
      expect(doc.tables[i].slice(1)).toEqual(spec.table.rows.map((r) => r.map((v, c) => formatCell(spec.table, v, c))));
    }
    expect(doc.images.every((im) => pngSize(im.bytes).width === pngSize(PNG).width)).toBe(true);
  });

  it('member values, when the chart carries them, follow as a second table', async () => {
    const memberTable = {
      caption: 'Värde per kommun',
      unit: '%',
      columns: ['Kommun', 'Kod', '2022'],
      rows: [
        ['Åby', '0180', 82],
        ['Bergsjö', '0114', 79.25],
      ],
    };
    const doc = readDocx(await reportDocx(cover, [{ spec: { ...lineSpec, memberTable } as ChartSpec, png: PNG, size: pngSize(PNG) }]));
    expect(doc.tables.length).toBe(2);
    expect(doc.tables[1]).toEqual([
      ['Kommun', 'Kod', '2022'],
      ['Åby', '0180', '82'],
      ['Bergsjö', '0114', '79,3'],
    ]);
  });

  it('hostile texts stay literal and the XML stays well-formed', async () => {
    const spec = hostile(lineSpec);
    const doc = readDocx(await reportDocx({ ...cover, kommun: `${PAYLOADS[0]}${CONTROL}` }, [{ spec, png: PNG, size: pngSize(PNG) }]));
    expect(doc.paragraphs[0]).toBe(`Nyckeltal för ${PAYLOADS[0]}ABCDEFGHIJ`);
    expect(doc.paragraphs).toContain(xmlText(spec.summary));
    expect(doc.altTexts[0]).toBe(xmlText(altText(spec)));
  });
});

describe('pptx', () => {
  it('one slide per chart, title on top, sources in the footer, summary in the notes, native chart data equal to the table', async () => {
    const specs = [lineSpec, rankSpec, stackedSpec] as ChartSpec[];
    const slides = readPptx(await chartsPptx(specs, image));
    expect(slides.length).toBe(3);
    for (const [i, spec] of specs.entries()) {
      expect(slides[i].texts[0]).toBe(spec.title);
      expect(slides[i].texts.at(-1)).toBe(spec.sources.join('\n'));
      expect(slides[i].notes).toContain(spec.summary);
      expect(slides[i].charts.length).toBe(1);
      expect(slides[i].altTexts).toContain(altText(spec));
    }
    // line: one series per line, values equal to the table's columns
    const line = slides[0].charts[0];
    expect(line.kind).toBe('lineChart');
    expect(line.series.map((s) => s.name)).toEqual(lineSpec.series.map((s) => s.label));
    expect(line.series[0].labels).toEqual(lineSpec.table.rows.map((r) => r[0]));
    expect(line.series[0].values).toEqual(lineSpec.table.rows.map((r) => r[1]));
    expect(line.series[1].values).toEqual(lineSpec.table.rows.map((r) => r[2]));
    // rank: one bar per kommun with a value, highest first
    const bars = slides[1].charts[0];
    expect(bars.kind).toBe('barChart');
    const ranked = rankSpec.table.rows.filter((r) => r[1] !== null).sort((a, b) => (b[1] as number) - (a[1] as number));
    expect(bars.series[0].labels).toEqual(ranked.map((r) => r[0]));
    expect(bars.series[0].values).toEqual(ranked.map((r) => r[1]));
    // stacked: one series per category
    const stacked = slides[2].charts[0];
    expect(stacked.series.map((s) => s.name)).toEqual(stackedSpec.table.columns.slice(1));
    stacked.series.forEach((s, ci) => expect(s.values).toEqual(stackedSpec.table.rows.map((r) => r[ci + 1])));
  });

  it('a missing value is an absent point in the chart and an empty cell in its workbook, never an empty number', async () => {
    const parts = unzipSync(await chartsPptx([lineSpec], image));
    const chart = strFromU8(parts[Object.keys(parts).find((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))!]);
    expect(chart).not.toContain('<c:v></c:v>');
    expect(chart).toMatch(/<c:ptCount val="6"\/>(?:<c:pt idx="[0-9]"><c:v>[\d.]+<\/c:v><\/c:pt>){5}/);
    const book = unzipSync(parts[Object.keys(parts).find((n) => n.endsWith('.xlsx'))!]);
    const sheet = strFromU8(book['xl/worksheets/sheet1.xml']);
    expect(sheet).not.toContain('<v></v>');
    expect(sheet).toContain('<c r="B4"/>');
  });

  it('a kind PowerPoint cannot draw becomes the chart image with alt text', async () => {
    const other: ChartSpec = mapSpec;
    expect(nativeChart(other)).toBeNull();
    const [slide] = readPptx(await chartsPptx([other], image));
    expect(slide.charts).toEqual([]);
    expect(slide.images).toBe(1);
  });

  it("with a kommun's cover: a title slide first (kommun, group, edition, source, date), then the charts", async () => {
    const slides = readPptx(await chartsPptx([lineSpec, rankSpec] as ChartSpec[], image, cover));
    expect(slides.length).toBe(3);
    expect(slides[0].texts[0]).toBe('Nyckeltal för Åby');
    expect(slides[0].texts[1].split('\n')).toEqual([
      'Jämfört med Liknande kommuner (utgåva 2023) (7 kommuner).',
      'Liknande kommuner, ekonomiskt bistånd – Koladas grupp, utgåva 2023',
      'Gruppens utgåva: 2023',
      'Källa: Kolada (RKA), data hämtad 2024-05-01.',
      'Skapad 2026-11-30 med Jämför.',
    ]);
    expect(slides[0].charts).toEqual([]);
    expect(slides[1].texts[0]).toBe(lineSpec.title);
  });

  it('hostile texts stay literal and every part is well-formed XML', async () => {
    const specs = [hostile(lineSpec), hostile(rankSpec)];
    const slides = readPptx(await chartsPptx(specs, image));
    expect(slides[0].texts[0]).toBe(xmlText(specs[0].title));
    expect(slides[1].charts[0].series[0].labels).toContain(`=${rankSpec.bars[0].label}ABCDEFGHIJ`);
  });
});
