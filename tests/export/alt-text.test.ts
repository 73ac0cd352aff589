import { describe, expect, it } from 'vitest';
import { altText } from '../../src/export/alt-text.ts';
import { lineSpec, rankSpec, stackedSpec } from '../charts/chart-specs.ts';

describe('alt text', () => {
  it('line: what is shown, the kommun latest value against the group mean, and the source', () => {
    const t = altText(lineSpec);
    expect(t).toContain(
      'Linjediagram 2017–2022 (%) med linjer för Åby, Medel: Liknande kommuner och Riket, och ett fält för gruppens spridning (min–max).',
    );
    expect(t).toContain('Senaste värde (2022): Åby 82\u00a0%, gruppens medelvärde 79,3\u00a0%.');
    expect(t).toContain('Mål ≥ 80 % (2022).');
    expect(t).toContain('Källa: Kolada (RKA), U99999, hämtad 2024-05-01');
    expect(t).not.toMatch(/\.\./);
  });
  it('line: reports the group when the kommun has no value in the latest year', () => {
    const s = {
      ...lineSpec,
      series: lineSpec.series.map((x) =>
        x.role === 'focus' ? { ...x, points: x.points.map((p) => (p.x === '2022' ? { ...p, y: null } : p)) } : x,
      ),
    };
    expect(altText(s)).toContain('Senaste värde (2021): Åby 77,8\u00a0%, gruppens medelvärde 78,1\u00a0%.');
  });
  it('rank: place of the kommun and the group mean', () => {
    const t = altText(rankSpec);
    expect(t).toContain('Stapeldiagram med 15 kommuner');
    expect(t).toMatch(/Forsa: 1\s?499\u00a0kr\/inv, plats 5 av 15/);
    expect(t).toContain('1 kommun saknar värde');
  });
  it('stacked: shares in the latest year with values', () => {
    const t = altText(stackedSpec);
    expect(t).toContain(
      'Senaste år med värden (2022, 100 totalt): arbete 52\u00a0%, studier 18\u00a0%, annan orsak 21\u00a0%, okänd 9\u00a0%.',
    );
    expect(t).toContain('Exempeldata');
  });
});
