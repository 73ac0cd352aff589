import { describe, expect, it } from 'vitest';
import { fireEvent, render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import Harness from './kommun-search-harness.svelte';
import type { SiteMeta } from '../../src/data/site-meta.ts';

const kommun = (id: string, name: string) => ({ id, name, type: 'K' }) as SiteMeta['municipalities'][number];
const meta = { municipalities: [kommun('1286', 'Ystad'), kommun('1287', 'Trelleborg'), kommun('1290', 'Kristianstad')] } as SiteMeta;

describe('KommunSearch', () => {
  it('tells of a likely choice once the text names one kommun, and selects it on Enter', async () => {
    const intents: string[] = [];
    const selected: string[] = [];
    const { getByLabelText } = render(Harness, {
      meta,
      onselect: (id: string) => selected.push(id),
      onintent: (id: string) => intents.push(id),
    });
    const input = getByLabelText('Välj kommun') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: 'Kr' } });
    flushSync();
    expect(intents).toEqual(['1290']);
    await fireEvent.input(input, { target: { value: 'Ys' } });
    flushSync();
    expect(intents).toEqual(['1290', '1286']);
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(selected).toEqual(['1286']);
  });
});
