import { flushSync, mount, unmount } from 'svelte';
import type { ChartSpec } from '../charts/spec.ts';
import Chart from '../charts/Chart.svelte';

/**
 * The chart's figure SVG markup at a given layout width, drawn by the same components as the
 * screen (in a detached element, so the page doesn't change). XMLSerializer writes XML, not HTML.
 */
export function renderFigureMarkup(spec: ChartSpec, width: number): string {
  const host = document.createElement('div');
  const component = mount(Chart, { target: host, props: { spec, fixedWidth: width } });
  try {
    flushSync();
    const svg = host.querySelector('svg');
    if (!svg) throw new Error('Diagrammet kunde inte ritas');
    return new XMLSerializer().serializeToString(svg);
  } finally {
    unmount(component);
  }
}
