/**
 * Which rows of a long list of equal-height rows are in (or near) a scroll container's view. The
 * table renders only those, with spacers above and below that keep the scrollbar true to the
 * whole list: thousands of loaded calls cost what forty do.
 */
import { useEffect, useState } from 'react';

export interface RowWindow {
  /** first rendered row (inclusive) */
  start: number;
  /** last rendered row (exclusive) */
  end: number;
  /** heights of the spacers before and after the rendered rows, in px */
  before: number;
  after: number;
}

/** The window for a scroll position; pure, so it is tested without a DOM. */
export function rowWindow(
  rowCount: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  overscan: number,
): RowWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + viewportHeight) / rowHeight);
  const start = Math.min(rowCount, Math.max(0, first - overscan));
  const end = Math.min(rowCount, Math.max(start, last + overscan));
  return { start, end, before: start * rowHeight, after: (rowCount - end) * rowHeight };
}

interface Viewport {
  scrollTop: number;
  height: number;
}

/** `container` comes from a callback ref, so a container mounted later (after a skeleton) is measured. */
export function useRowWindow(
  container: HTMLElement | null,
  rowCount: number,
  rowHeight: number,
  overscan = 10,
): RowWindow {
  // Before the first measurement, assume a tall window: better a few rows too many than a blank table.
  const [viewport, setViewport] = useState<Viewport>({ scrollTop: 0, height: 1200 });

  useEffect(() => {
    const el = container;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      setViewport((prev) =>
        prev.scrollTop === el.scrollTop && prev.height === el.clientHeight
          ? prev
          : { scrollTop: el.scrollTop, height: el.clientHeight },
      );
    };
    // One update per frame however fast the wheel turns.
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(onScroll);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [container]);

  return rowWindow(rowCount, rowHeight, viewport.scrollTop, viewport.height, overscan);
}
