/** Registers only the chart.js parts we draw with (keeps the bundle small) and our defaults. */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

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
);

// The same stack as the page, so Chinese labels on the canvas use a CJK font too.
Chart.defaults.font.family =
  'system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
Chart.defaults.font.size = 12;
// Adjust the default animation in place: replacing the object drops the defaults chart.js
// resolves its property animations from (tooltips then fail with "this._fn is not a function").
if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) Chart.defaults.animation = false;
else if (Chart.defaults.animation) Chart.defaults.animation.duration = 250;

export { Chart };
