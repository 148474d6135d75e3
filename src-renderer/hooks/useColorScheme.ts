/** The OS colour scheme; charts read their colours from CSS variables and must redraw when it flips. */
import { useSyncExternalStore } from 'react';

const query = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(query);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

export type ColorScheme = 'light' | 'dark';

export function useColorScheme(): ColorScheme {
  return useSyncExternalStore(subscribe, () => (window.matchMedia(query).matches ? 'dark' : 'light'));
}

/** Reads a theme colour (e.g. `--chart-dials`) as the browser resolved it. */
export function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}
