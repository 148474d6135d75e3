/** Grey placeholders in the shape of what is loading, so the layout does not jump when it arrives. */
import type { CSSProperties } from 'react';
import { useT } from '../i18n/language';

interface SkeletonProps {
  height?: number | string;
  width?: number | string;
  className?: string;
}

export function Skeleton({ height = 16, width = '100%', className }: SkeletonProps) {
  const style: CSSProperties = { height, width };
  return (
    <span className={className ? `skeleton ${className}` : 'skeleton'} style={style} aria-hidden="true" />
  );
}

/** A block of skeleton lines with an accessible "Loading…" label. */
export function SkeletonBlock({ lines = 4, lineHeight = 14 }: { lines?: number; lineHeight?: number }) {
  const t = useT();
  return (
    <div className="skeleton-block" role="status" aria-label={t('common.loading')}>
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} height={lineHeight} width={`${100 - ((i * 17) % 40)}%`} />
      ))}
    </div>
  );
}
