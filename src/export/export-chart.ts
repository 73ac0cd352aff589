import type { ChartSpec } from '../charts/spec.ts';
import { PRESETS, pixelSize, type ExportPreset } from './presets.ts';
import { standaloneSvg, viewBoxSize } from './svg-serialize.ts';
import { embeddedFontCss } from './font-embed.ts';
import { rasterizeSvg } from './rasterize.ts';
import { withDpi } from './png-dpi.ts';
import { renderFigureMarkup } from './render-svg.ts';
import { chartCsv } from './csv.ts';
import { todayIso } from './export-meta.ts';
import { altText } from './alt-text.ts';
import { fileNames } from './file-names.ts';
import type { ExportFile } from './zip.ts';

/** Standalone SVG for a preset, with the font embedded. */
export async function chartSvg(spec: ChartSpec, preset: ExportPreset): Promise<string> {
  const figure = renderFigureMarkup(spec, preset.layoutWidth);
  const fontCss = await embeddedFontCss(figure);
  return standaloneSvg(figure, { widthCm: preset.widthCm, frame: preset.frame, fontCss });
}

/** PNG bytes for a preset (exact pixel width, dpi recorded in the file). */
export async function chartPng(spec: ChartSpec, preset: ExportPreset): Promise<Uint8Array<ArrayBuffer>> {
  const svg = await chartSvg(spec, preset);
  const size = pixelSize(preset, viewBoxSize(svg).height);
  return withDpi(await rasterizeSvg(svg, size), preset.dpi);
}

export { fileNames } from './file-names.ts';

/** Everything for one chart in a batch: A4 SVG and PNG, both CSVs and the alt text. */
export async function chartFiles(spec: ChartSpec): Promise<ExportFile[]> {
  const a4 = PRESETS.a4;
  return [
    { name: fileNames.svg(spec, a4), data: await chartSvg(spec, a4) },
    { name: fileNames.png(spec, a4), data: await chartPng(spec, a4) },
    { name: fileNames.csv(spec, 'excel-sv'), data: chartCsv(spec, 'excel-sv', todayIso()) },
    { name: fileNames.csv(spec, 'plain'), data: chartCsv(spec, 'plain', todayIso()) },
    { name: fileNames.alt(spec), data: altText(spec) + '\r\n' },
  ];
}
