import type { ChartSpec } from '../charts/spec.ts';
import type { ExportPreset } from './presets.ts';
import type { CsvVariant } from './csv.ts';
import { safeFileName } from './download.ts';

/** ASCII file names of a chart's exports, from its spec's fileStem. */
export const fileNames = {
  svg: (spec: ChartSpec, p: ExportPreset) => safeFileName(spec.fileStem, p.id === 'a4' ? '.svg' : `_${p.id}.svg`),
  png: (spec: ChartSpec, p: ExportPreset) => safeFileName(spec.fileStem, p.id === 'a4' ? '.png' : `_${p.id}.png`),
  csv: (spec: ChartSpec, v: CsvVariant) => safeFileName(spec.fileStem, v === 'excel-sv' ? '.csv' : '_komma.csv'),
  alt: (spec: ChartSpec) => safeFileName(spec.fileStem, '_alt.txt'),
  xlsx: (spec: ChartSpec) => safeFileName(spec.fileStem, '.xlsx'),
};
