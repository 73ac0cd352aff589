import type { ChartSpec, LineChartSpec, MapChartSpec, RankChartSpec, StackedBarSpec } from '../charts/spec.ts';
import { formatNumber, formatPeriod, formatValue } from '../format/number.ts';
import { documentText } from './xml-text.ts';

/**
 * A description of a chart for documents (Word's "Alternativ text", PDF/UA): what the chart shows,
 * then the kommun's latest value against the group, then the source. Plain text on one line, Swedish,
 * without characters a document format (XML) forbids.
 */
export function altText(spec: ChartSpec): string {
  const body =
    spec.kind === 'line'
      ? describeLine(spec)
      : spec.kind === 'rank'
        ? describeRank(spec)
        : spec.kind === 'map'
          ? describeMap(spec)
          : describeStacked(spec);
  return documentText(
    [`${spec.title}.`, spec.subtitle, body, spec.sources.join('. ') + '.'].filter(Boolean).join(' ').replace(/\.\./g, '.'),
  );
}

function span(xs: string[]): string {
  if (!xs.length) return '';
  return xs.length === 1 ? formatPeriod(xs[0]) : `${formatPeriod(xs[0])}–${formatPeriod(xs[xs.length - 1])}`;
}

function lowerFirst(s: string): string {
  return /^[A-ZÅÄÖ][a-zåäö]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

function describeLine(spec: LineChartSpec): string {
  const focus = spec.series.find((s) => s.role === 'focus');
  const group = spec.series.find((s) => s.role === 'group');
  const lines = spec.series.map((s) => s.label);
  const listed = lines.length > 1 ? `${lines.slice(0, -1).join(', ')} och ${lines[lines.length - 1]}` : (lines[0] ?? '');
  const parts = [
    `Linjediagram ${span(spec.xs)} (${spec.unit || 'värde'}) med linjer för ${listed}${spec.band ? `, och ett fält för ${lowerFirst(spec.band.label)}` : ''}.`,
  ];
  const latest = focus ? [...focus.points].reverse().find((p) => p.y !== null) : undefined;
  if (focus && latest) {
    const g = group?.points.find((p) => p.x === latest.x)?.y ?? null;
    const versus = g === null ? 'gruppens medelvärde saknas' : `gruppens medelvärde ${formatValue(g, spec.unit)}`;
    parts.push(`Senaste värde (${formatPeriod(latest.x)}): ${focus.label} ${formatValue(latest.y, spec.unit)}, ${versus}.`);
  } else if (focus) parts.push(`${focus.label} saknar värden.`);
  if (spec.target) parts.push(`${spec.target.label}.`);
  return parts.join(' ');
}

function describeRank(spec: RankChartSpec): string {
  const withValue = spec.bars.filter((b) => b.value !== null);
  const sorted = [...withValue].sort((a, b) => (b.value as number) - (a.value as number));
  const parts = [
    `Stapeldiagram med ${withValue.length} kommuner sorterade efter värde (${spec.unit || 'värde'}); kommunen och jämförelsegruppen är markerade.`,
  ];
  const focus = sorted.findIndex((b) => b.role === 'focus');
  if (focus >= 0)
    parts.push(
      `${sorted[focus].label}: ${formatValue(sorted[focus].value, spec.unit)}, plats ${focus + 1} av ${sorted.length} räknat från högsta värdet.`,
    );
  const peers = withValue.filter((b) => b.role === 'peer').map((b) => b.value as number);
  if (peers.length)
    parts.push(
      `Jämförelsegruppens medelvärde: ${formatValue(peers.reduce((s, v) => s + v, 0) / peers.length, spec.unit)} (${peers.length} kommuner).`,
    );
  if (sorted.length)
    parts.push(
      `Högst ${sorted[0].label} ${formatValue(sorted[0].value, spec.unit)}, lägst ${sorted[sorted.length - 1].label} ${formatValue(sorted[sorted.length - 1].value, spec.unit)}.`,
    );
  if (spec.missing) parts.push(`${spec.missing} ${spec.missing === 1 ? 'kommun' : 'kommuner'} saknar värde.`);
  return parts.join(' ');
}

function describeMap(spec: MapChartSpec): string {
  const parts = [
    `Karta över ${spec.areas.length} kommuner (${spec.unit || 'värde'}) i klasserna ${spec.classes.map((c) => lowerFirst(c.label)).join(', ')}; länsgränser utritade.`,
  ];
  const focus = spec.areas.find((a) => a.role === 'focus');
  if (focus)
    parts.push(
      `${focus.label}: ${focus.value === null ? 'värde saknas' : formatValue(focus.value, spec.unit)}${focus.cls !== 'missing' ? `, ${lowerFirst(spec.classes.find((c) => c.cls === focus.cls)?.label ?? '')}` : ''}.`,
    );
  const peers = spec.areas.filter((a) => a.role === 'peer');
  if (peers.length) parts.push(`${spec.peerLabel ?? 'Jämförelsegruppen'} (${peers.length} kommuner) är inringad.`);
  return parts.join(' ');
}

function describeStacked(spec: StackedBarSpec): string {
  const parts = [
    `Staplade stapeldiagram ${span(spec.xs)}: fördelning i procent på ${spec.categories.map((c) => c.label.toLowerCase()).join(', ')}.`,
  ];
  for (let i = spec.xs.length - 1; i >= 0; i--) {
    const row = spec.values[i] ?? [];
    const total = row.reduce<number>((s, v) => s + (v ?? 0), 0);
    if (total <= 0) continue;
    const shares = spec.categories.map((c, ci) => `${c.label.toLowerCase()} ${formatNumber(((row[ci] ?? 0) / total) * 100, 0)}\u00a0%`);
    parts.push(`Senaste år med värden (${formatPeriod(spec.xs[i])}, ${formatNumber(total, 0)} totalt): ${shares.join(', ')}.`);
    break;
  }
  return parts.join(' ');
}
