/**
 * The heatmap's sequential colour scale: viridis, which reads in order for every common form of
 * colour blindness and in greyscale, on a light or a dark page alike.
 */

// Ten evenly spaced stops of matplotlib's viridis (dark purple -> yellow).
const VIRIDIS = [
  [68, 1, 84],
  [72, 40, 120],
  [62, 73, 137],
  [49, 104, 142],
  [38, 130, 142],
  [31, 158, 137],
  [53, 183, 121],
  [110, 206, 88],
  [181, 222, 43],
  [253, 231, 37],
] as const;

export interface ScaleColour {
  background: string;
  /** text colour with enough contrast on `background` */
  text: string;
}

/** The colour of `t` in [0, 1] (clamped). */
export function viridis(t: number): ScaleColour {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const a = VIRIDIS[i]!;
  const b = VIRIDIS[i + 1]!;
  const [r, g, bl] = [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * f)) as [
    number,
    number,
    number,
  ];
  // Relative luminance decides dark or light text (viridis gets light from about its middle).
  const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * bl) / 255;
  return { background: `rgb(${r} ${g} ${bl})`, text: luminance > 0.45 ? '#111' : '#fff' };
}

/** The CSS gradient of the legend, same stops as the cells. */
export function viridisGradient(): string {
  return `linear-gradient(to right, ${VIRIDIS.map(([r, g, b]) => `rgb(${r} ${g} ${b})`).join(', ')})`;
}
