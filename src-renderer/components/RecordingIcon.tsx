/**
 * Whether a call's recording file is there: a small headphones icon (drawn, so it shows without an
 * emoji font), or a struck-through one when the stored reference names a file that is missing.
 */
export function RecordingIcon({ label, missing = false }: { label: string; missing?: boolean }) {
  return (
    <span
      className={missing ? 'recording-mark recording-mark--missing' : 'recording-mark'}
      role="img"
      aria-label={label}
      title={label}
      data-testid="recording-mark"
      data-has={missing ? 'false' : 'true'}
    >
      <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true" focusable="false">
        <path
          d="M3 9V8a5 5 0 0 1 10 0v1"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinecap="round"
        />
        <rect x="2" y="9" width="3" height="5" rx="1" fill="currentColor" />
        <rect x="11" y="9" width="3" height="5" rx="1" fill="currentColor" />
        {missing ? (
          <path d="M2 2l12 12" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        ) : null}
      </svg>
    </span>
  );
}
