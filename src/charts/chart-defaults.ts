/**
 * Sizes and margins every chart starts from, in one visible place (as Observable Plot's defaults):
 * plot heights per chart kind and width class, the plot margins for axis labels, and the widths at
 * which a chart switches to its narrow form. Fonts and spacing of the figure frame are in FIG.
 */
export const CHART_DEFAULTS = {
  /** below this figure width a chart uses its narrow plot height */
  narrowBelow: 480,
  line: {
    plotHeight: 250,
    plotHeightNarrow: 210,
    margin: { left: 52, right: 14 },
    /** lines are labelled at their end from this width; the labels need a wider right margin */
    directLabelsFrom: 520,
    marginRightWithLabels: 118,
  },
  rank: {
    barsHeight: 230,
    barsHeightNarrow: 180,
    margin: { left: 52, right: 14 },
    /** height of one row of bar names under the axis */
    labelRow: 15,
    yTicks: 5,
  },
  stacked: {
    plotHeight: 240,
    margin: { left: 52, right: 14 },
    yTicks: [0, 25, 50, 75, 100],
  },
  map: {
    plotHeight: 600,
    plotHeightNarrow: 470,
    narrowBelow: 480,
    /** the small map on a kommun page: map only, no figure frame */
    compactHeight: 420,
    margin: { left: 0, right: 0 },
  },
} as const;
