/**
 * A table cell's text field that saves itself: Enter or leaving the field saves a change, Esc puts
 * the saved value back. Tab moves on to the next field, so a row is edited from the keyboard alone.
 */
import { useState } from 'react';

interface EditableTextProps {
  value: string | null;
  label: string;
  placeholder?: string;
  maxLength: number;
  testId?: string;
  /** an empty field saves null (when `required` is false) */
  required?: boolean;
  onSave(next: string | null): Promise<unknown>;
}

export function EditableText({
  value,
  label,
  placeholder,
  maxLength,
  testId,
  required,
  onSave,
}: EditableTextProps) {
  const [draft, setDraft] = useState(value ?? '');
  // A new saved value (after a save or a refresh) replaces the draft.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value ?? '');
  }
  const commit = () => {
    const next = draft.trim();
    if (next === (value ?? '')) return;
    if (required && next === '') {
      setDraft(value ?? '');
      return;
    }
    void onSave(next === '' ? null : next);
  };
  return (
    <input
      className="input people-input"
      value={draft}
      aria-label={label}
      placeholder={placeholder}
      maxLength={maxLength}
      data-testid={testId}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') {
          setDraft(value ?? '');
        }
      }}
    />
  );
}
