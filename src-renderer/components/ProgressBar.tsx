/** Progress of a job or upload; without a total it shows an indeterminate stripe. */
interface ProgressBarProps {
  done: number;
  total: number | null;
  label: string;
  testId?: string;
}

export function ProgressBar({ done, total, label, testId }: ProgressBarProps) {
  const fraction = total && total > 0 ? Math.min(1, done / total) : null;
  return (
    <div
      className={fraction === null ? 'progress progress--indeterminate' : 'progress'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
      data-testid={testId}
    >
      <span
        className="progress__fill"
        style={fraction === null ? undefined : { width: `${fraction * 100}%` }}
      />
    </div>
  );
}
