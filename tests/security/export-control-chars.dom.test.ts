import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import type { ChartSpec, LineChartSpec, RankChartSpec, StackedBarSpec } from '../../src/charts/spec.ts';
import { renderFigureMarkup } from '../../src/export/render-svg.ts';
import { standaloneSvg } from '../../src/export/svg-serialize.ts';
import { altText } from '../../src/export/alt-text.ts';
import { fileNames } from '../../src/export/file-names.ts';
import { PRESETS } from '../../src/export/presets.ts';
import { zipFiles } from '../../src/export/zip.ts';
import { XML_FORBIDDEN, escapeXml, stripXmlForbidden, xmlSafeMarkup } from '../../src/export/xml-text.ts';
import { lineSpec, rankSpec, stackedSpec } from '../charts/chart-specs.ts';

/**
 * Text from data (imported names, statuses, file names) may carry characters XML 1.0 forbids:
 * C0 controls other than tab/LF/CR, U+FFFE/U+FFFF and lone surrogates. Every export stays a
 * well-formed document (issue 19 item 5).
 */
const PROPERTY_RUNS = { perChartKind: 60, text: 3000, parsed: 200, zip: 300 };

// jsdom has no ResizeObserver; the chart root measures its width with one (a fixed width is given here).
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

const CONTROL = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000B',
  '\u000C',
  '\u001B',
  '\u001F',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDFFF',
  '\t',
  '\n',
  '\r',
  '\u007F',
  '\u0085',
];
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...CONTROL), fc.string({ maxLength: 4 }), fc.constantFrom('&', '<', '"', "'", ']]>', '&#11;', 'Åby')), {
    minLength: 1,
    maxLength: 8,
  })
  .map((p) => p.join(''));

const isWellFormed = (xml: string) => new DOMParser().parseFromString(xml, 'image/svg+xml').querySelector('parsererror') === null;
const forbidden = (s: string) => new RegExp(XML_FORBIDDEN.source, 'u').test(s);

function hostileLine(t: string[]): LineChartSpec {
  return {
    ...lineSpec,
    title: t[0],
    subtitle: t[1],
    sources: [t[2], lineSpec.sources[1]],
    series: lineSpec.series.map((s, i) => ({
      ...s,
      label: i === 0 ? t[3] : s.label,
      points: s.points.map((p, j) => (i === 0 && j === 2 ? { ...p, status: t[4] } : p)),
    })),
    target: { ...lineSpec.target!, label: t[5] },
    table: { ...lineSpec.table, caption: t[6], rows: lineSpec.table.rows.map((r, i) => (i === 2 ? [r[0], t[4], ...r.slice(2)] : r)) },
    fileStem: t[7],
  };
}
function hostileRank(t: string[]): RankChartSpec {
  return {
    ...rankSpec,
    title: t[0],
    subtitle: t[1],
    sources: [t[2]],
    bars: rankSpec.bars.map((b, i) => (i === 4 ? { ...b, label: t[3] } : i === 15 ? { ...b, note: t[4] } : b)),
    fileStem: t[7],
  };
}
function hostileStacked(t: string[]): StackedBarSpec {
  return {
    ...stackedSpec,
    title: t[0],
    subtitle: t[1],
    sources: [t[2]],
    categories: stackedSpec.categories.map((c, i) => (i === 0 ? { ...c, label: t[3] } : c)),
    fileStem: t[7],
  };
}

describe('the shared helper', () => {
  it('removes exactly what XML 1.0 forbids', () => {
    expect(stripXmlForbidden('a\u0000b\u0007c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFFh\uD800i\uDFFFj')).toBe('abcdefghij');
    expect(stripXmlForbidden('tab\tlf\ncr\r Åby 😀 \u0085\u007F')).toBe('tab\tlf\ncr\r Åby 😀 \u0085\u007F');
    expect(xmlSafeMarkup('<t>a&#11;b&#x0B;c&#x1F600;&#9;\u0007</t>')).toBe('<t>abc&#x1F600;&#9;</t>');
    expect(escapeXml('<a href="x">&\'\u000B</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });

  it('leaves only allowed characters in any string (property)', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string({ unit: 'binary' })), (s) => {
        expect(forbidden(stripXmlForbidden(s))).toBe(false);
        expect(forbidden(escapeXml(s))).toBe(false);
      }),
      { numRuns: PROPERTY_RUNS.text },
    );
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string({ unit: 'binary' })), (s) => {
        expect(isWellFormed(`<svg xmlns="http://www.w3.org/2000/svg"><text a="${escapeXml(s)}">${escapeXml(s)}</text></svg>`)).toBe(true);
      }),
      { numRuns: PROPERTY_RUNS.parsed },
    );
  }, 120_000);
});

describe.each([
  ['line', hostileLine],
  ['rank', hostileRank],
  ['stacked', hostileStacked],
] as const)('%s chart with control characters in every text', (_kind, make) => {
  it('gives a well-formed SVG, alt text without forbidden characters and ASCII file names (property)', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 8, maxLength: 8 }), (texts) => {
        const spec = make(texts) as ChartSpec;
        const svg = standaloneSvg(renderFigureMarkup(spec, PRESETS.a4.layoutWidth), { widthCm: PRESETS.a4.widthCm });
        expect(forbidden(svg)).toBe(false);
        expect(isWellFormed(svg)).toBe(true);
        const alt = altText(spec);
        expect(forbidden(alt)).toBe(false);
        expect(alt).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
        for (const name of [
          fileNames.svg(spec, PRESETS.a4),
          fileNames.png(spec, PRESETS.a4),
          fileNames.csv(spec, 'plain'),
          fileNames.alt(spec),
        ])
          expect(name).toMatch(/^[A-Za-z0-9_.-]+$/);
      }),
      { numRuns: PROPERTY_RUNS.perChartKind },
    );
  }, 180_000);
});

describe('ZIP of many exports', () => {
  it('keeps every file and gives safe entry names whatever the names hold (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(hostile, { minLength: 1, maxLength: 5 }), (names) => {
        const files = names.map((n, i) => ({ name: n, data: `fil ${i}` }));
        const out = unzipSync(zipFiles(files));
        const entries = Object.keys(out);
        expect(entries).toHaveLength(files.length);
        for (const e of entries) {
          expect(forbidden(e)).toBe(false);
          expect(e).not.toMatch(/[\u0000-\u001F\u007F/\\]|^\.\.?$/);
        }
        expect(entries.map((e) => strFromU8(out[e])).sort()).toEqual(files.map((f) => f.data).sort());
      }),
      { numRuns: PROPERTY_RUNS.zip },
    );
  });
});
