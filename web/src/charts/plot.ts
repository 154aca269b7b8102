/** Observable Plot, loaded on first use (its own chunk), so pages without charts stay light. */
export type PlotModule = typeof import('@observablehq/plot');

let plot: Promise<PlotModule> | null = null;

export function loadPlot(): Promise<PlotModule> {
  plot ??= import('@observablehq/plot');
  return plot;
}

/** Width for a chart in a container: its current width, within sensible bounds. */
export function chartWidth(container: Element, min = 320, max = 1100): number {
  const w = container.getBoundingClientRect().width || document.querySelector('main')?.clientWidth || 800;
  return Math.max(min, Math.min(max, Math.floor(w)));
}

export const COLORS = {
  china: '#a4262c', chinaLight: '#dd8a8e', us: '#1f4e79', usLight: '#8fb1d3', grey: '#9aa3ad',
  success: '#3d5a73', partial: '#d49a1c', failure: '#c62828', unknown: '#b8bfc7',
  state: '#7b1c21', commercial: '#e06b70', unattributed: '#b8bfc7',
} as const;

/** A categorical palette that stays readable on white and for most colour-vision types. */
export const CATEGORICAL = ['#1f4e79', '#c0504d', '#4e8542', '#d49a1c', '#7a5195', '#2a9d8f', '#8c6d31', '#e377c2', '#6b7280', '#17becf'];
