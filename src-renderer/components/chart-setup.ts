/** Registers only the chart.js parts we draw with (keeps the bundle small) and our defaults. */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { cssVar } from '../hooks/useColorScheme';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
  Filler, // the QA chart's confidence band
);

// The same stack as the page, so Chinese labels on the canvas use a CJK font too.
Chart.defaults.font.family =
  'system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
Chart.defaults.font.size = 12;
// Adjust the default animation in place: replacing the object drops the defaults chart.js
// resolves its property animations from (tooltips then fail with "this._fn is not a function").
if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) Chart.defaults.animation = false;
else if (Chart.defaults.animation) Chart.defaults.animation.duration = 250;

/**
 * Okabe-Ito: eight colours told apart with every common form of colour blindness. The theme's
 * chart variables (theme.css) pick from it; a new series takes the next unused one.
 */
export const OKABE_ITO = {
  orange: '#e69f00',
  skyBlue: '#56b4e9',
  bluishGreen: '#009e73',
  yellow: '#f0e442',
  blue: '#0072b2',
  vermillion: '#d55e00',
  reddishPurple: '#cc79a7',
  black: '#000000',
} as const;

/** Text, grid and tooltip colours of the current theme, as the browser resolved the CSS variables. */
export interface ChartTheme {
  text: string;
  grid: string;
  tooltipBg: string;
  tooltipText: string;
}

export function chartTheme(): ChartTheme {
  return {
    text: cssVar('--text-2'),
    grid: cssVar('--chart-grid'),
    tooltipBg: cssVar('--tooltip-bg'),
    tooltipText: cssVar('--tooltip-text'),
  };
}

/** The tooltip box every chart of ours draws: the theme's colours, the same padding. */
export function tooltipStyle(theme: ChartTheme) {
  return {
    backgroundColor: theme.tooltipBg,
    titleColor: theme.tooltipText,
    bodyColor: theme.tooltipText,
    padding: 10,
  };
}

export { Chart };
