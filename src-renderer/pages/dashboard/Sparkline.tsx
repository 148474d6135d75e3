/**
 * A tiny inline SVG line of one agent's daily values. Plain SVG, not chart.js: a leaderboard of 200
 * agents must not start 200 charts.
 */
import { memo } from 'react';

const WIDTH = 72;
const HEIGHT = 22;
const PAD = 2;

export const Sparkline = memo(function Sparkline({
  values,
  label,
}: {
  values: readonly number[];
  label: string;
}) {
  if (values.length === 0) return null;
  const max = Math.max(...values);
  const step = values.length > 1 ? (WIDTH - 2 * PAD) / (values.length - 1) : 0;
  // Each agent on their own scale: the line shows the shape of their days (the title gives the numbers).
  const y = (v: number) => HEIGHT - PAD - (max > 0 ? (v / max) * (HEIGHT - 2 * PAD) : 0);
  const points = values.map((v, i) => `${(PAD + i * step).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const last = values[values.length - 1]!;
  return (
    <svg
      className="sparkline"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      {values.length > 1 ? <polyline points={points} fill="none" className="sparkline__line" /> : null}
      <circle cx={PAD + (values.length - 1) * step} cy={y(last)} r={1.8} className="sparkline__dot" />
    </svg>
  );
});
