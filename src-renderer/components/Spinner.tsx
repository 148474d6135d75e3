/** A small inline spinner for actions in progress (saving, undoing). */
export function Spinner({ label }: { label: string }) {
  return <span className="spinner" role="status" aria-label={label} />;
}
