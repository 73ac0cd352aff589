/**
 * Export sizes. A chart is laid out at `layoutWidth` CSS px (so text keeps a readable size on paper)
 * and then scaled to the preset's pixel width; the SVG carries the physical size in cm.
 */
export interface ExportPreset {
  id: 'a4' | 'half' | 'slide';
  label: string;
  /** width the chart components lay out at, in CSS px */
  layoutWidth: number;
  /** PNG width in pixels */
  pixelWidth: number;
  /** fixed frame in layout px (16:9 slide), otherwise the figure's own height */
  frame?: { width: number; height: number };
  /** physical width of the SVG/PNG in cm; the PNG records it as dpi */
  widthCm: number;
  /** PNG resolution stored in the file (pixels per inch) */
  dpi: number;
}

const CM_PER_INCH = 2.54;

export const PRESETS: Record<ExportPreset['id'], ExportPreset> = {
  a4: {
    id: 'a4',
    label: 'A4, full textbredd (16 cm, 300 dpi)',
    layoutWidth: 640,
    pixelWidth: Math.round((16 / CM_PER_INCH) * 300),
    widthCm: 16,
    dpi: 300,
  },
  half: {
    id: 'half',
    label: 'Halv bredd (8 cm, 300 dpi)',
    layoutWidth: 360,
    pixelWidth: Math.round((8 / CM_PER_INCH) * 300),
    widthCm: 8,
    dpi: 300,
  },
  slide: {
    id: 'slide',
    label: 'Bildspel 16:9 (1920 × 1080)',
    layoutWidth: 960,
    pixelWidth: 1920,
    frame: { width: 960, height: 540 },
    widthCm: 33.867,
    dpi: 144,
  },
};

export const PRESET_IDS = Object.keys(PRESETS) as ExportPreset['id'][];

/** Pixel size of the PNG for a figure laid out at the preset width with the given layout height. */
export function pixelSize(preset: ExportPreset, layoutHeight: number): { width: number; height: number } {
  const h = preset.frame?.height ?? layoutHeight;
  const w = preset.frame?.width ?? preset.layoutWidth;
  return { width: preset.pixelWidth, height: Math.round((h * preset.pixelWidth) / w) };
}
