import { describe, expect, it } from 'vitest';
import { cleanSvgMarkup, roundNumbers, setRootAttributes, standaloneSvg, viewBoxSize } from '../../src/export/svg-serialize.ts';

const FIGURE =
  '<svg xmlns="http://www.w3.org/2000/svg" class="figure svelte-x1" width="640" height="400" viewBox="0 0 640 400" role="img"><!--[--><path d="M10.123456,20.5L30.999,-0.0001Z" fill="#0b5394"></path><text x="1.23456" y="2">82,5&nbsp;%</text><!--]--></svg>';

describe('standalone SVG', () => {
  it('rounds geometry to 2 decimals and leaves text alone', () => {
    expect(roundNumbers('M10.123456,20.5L30.999,-0.0001Z')).toBe('M10.12,20.5L31,0Z');
    const clean = cleanSvgMarkup(FIGURE);
    expect(clean).toContain('d="M10.12,20.5L31,0Z"');
    expect(clean).toContain('x="1.23"');
    expect(clean).toContain('82,5&#160;%');
    expect(clean).not.toContain('<!--');
  });

  it('is a valid XML document with xmlns, physical size, viewBox and an embedded style, no class', () => {
    const svg = standaloneSvg(FIGURE, {
      widthCm: 16,
      fontCss: "@font-face{font-family:'Source Sans 3';src:url(data:font/woff2;base64,AAAA)}",
    });
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('width')).toBe('16cm');
    expect(root.getAttribute('height')).toBe('10cm');
    expect(root.getAttribute('viewBox')).toBe('0 0 640 400');
    expect(root.getAttribute('class')).toBeNull();
    expect(root.querySelector('defs > style')?.textContent).toContain('data:font/woff2');
    expect(svg).not.toMatch(/(href|src)=["']?https?:/);
  });

  it('fits the figure centred into a 16:9 frame', () => {
    const svg = standaloneSvg(FIGURE, { frame: { width: 960, height: 540 } });
    expect(viewBoxSize(svg)).toEqual({ width: 960, height: 540 });
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const inner = doc.documentElement.querySelector('svg')!;
    expect(Number(inner.getAttribute('height'))).toBe(540);
    expect(Number(inner.getAttribute('width'))).toBeCloseTo(864);
    expect(Number(inner.getAttribute('x'))).toBeCloseTo(48);
    expect(inner.getAttribute('viewBox')).toBe('0 0 640 400');
  });

  it('sets and removes root attributes wherever they stand', () => {
    expect(setRootAttributes('<svg a="1" width="5" b="2"><g width="9"/></svg>', { width: '7cm', a: null })).toBe(
      '<svg b="2" width="7cm"><g width="9"/></svg>',
    );
  });
});
