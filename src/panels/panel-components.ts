import type { Component } from 'svelte';
import type { PanelConfig } from './panels.config.ts';
import type { PanelContext } from './panel-context.ts';
import MonthlyPanel from './MonthlyPanel.svelte';
import StackedPanel from './StackedPanel.svelte';

export type PanelProps = { panel: PanelConfig; ctx: PanelContext; kpiId: string };

/** Panel kinds other than 'series', registered by the modules that draw them. */
export const panelComponents: Partial<Record<PanelConfig['kind'], Component<PanelProps>>> = {
  monthly: MonthlyPanel,
  stacked: StackedPanel,
};
