/**
 * What a coaching note's and a plan's form share: how they save (useCoachingSave), and their frame
 * (CoachingFormFrame): the fields, disabled for a role that may only read them (an agent, QA, a
 * manager), and the bar below with Save (for who may write) and Cancel (Back, for who only reads),
 * then the save's error; and their free-text fields (CoachingTextArea).
 */
import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import type { MessageKey } from '../../../src-shared/i18n';
import { toApiCallError, type ApiCallError } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { useT } from '../../i18n/language';
import { useWorkspace } from '../../stores/workspace';
import { goTo } from './coaching-route';

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'error'; error: ApiCallError };

/**
 * A coaching form's writes: once Save is pressed (`tried`) the field problems show; a valid form
 * is written, the workspace refreshed and the form left for `backHref`; a refused write stays on
 * the form with its error until the next change (`clearError`).
 */
export function useCoachingSave(backHref: string) {
  const refresh = useWorkspace((s) => s.refresh);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [tried, setTried] = useState(false);
  const run = async (write: () => Promise<unknown>) => {
    try {
      await write();
      await refresh();
      goTo(backHref);
    } catch (err) {
      setState({ kind: 'error', error: toApiCallError(err) });
    }
  };
  const submit = async (e: FormEvent, valid: boolean, write: () => Promise<unknown>) => {
    e.preventDefault();
    setTried(true);
    if (!valid) return;
    setState({ kind: 'saving' });
    await run(write);
  };
  const clearError = useCallback(() => setState((s) => (s.kind === 'error' ? { kind: 'idle' } : s)), []);
  return { state, tried, run, submit, clearError };
}

/** The form's test ids, written out so that a search for one finds it here. */
const TEST_IDS = {
  note: { form: 'note-form', fields: 'note-fields', save: 'note-save' },
  plan: { form: 'plan-form', fields: 'plan-fields', save: 'plan-save' },
} as const;

export function CoachingFormFrame({
  of,
  mayWrite,
  state,
  saveLabel,
  backHref,
  onSubmit,
  below,
  barExtras,
  children,
}: {
  of: keyof typeof TEST_IDS;
  mayWrite: boolean;
  state: SaveState;
  saveLabel: MessageKey;
  backHref: string;
  onSubmit: (e: FormEvent) => Promise<void>;
  /** shown below the fields, outside them (not disabled for who only reads) */
  below?: ReactNode;
  /** the bar's own links and hints, after Cancel */
  barExtras?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  const ids = TEST_IDS[of];
  return (
    <form className="coaching-form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid={ids.form}>
      <fieldset className="coaching-form__fields" disabled={!mayWrite} data-testid={ids.fields}>
        {children}
      </fieldset>

      {below}

      <div className="coaching-form__bar">
        {mayWrite ? (
          <button
            type="submit"
            className="button button--primary"
            disabled={state.kind === 'saving'}
            data-testid={ids.save}
          >
            {t(saveLabel)}
          </button>
        ) : null}
        <a className="button" href={backHref}>
          {t(mayWrite ? 'common.cancel' : 'roles.back')}
        </a>
        {barExtras}
        {state.kind === 'error' ? <ErrorMessage error={state.error} compact /> : null}
      </div>
    </form>
  );
}

/** The title of the form's first panel: a reader's, or an editor's of a saved or a new one. */
export function formTitleKey(
  mayWrite: boolean,
  saved: boolean,
  keys: { read: MessageKey; edit: MessageKey; create: MessageKey },
): MessageKey {
  return !mayWrite ? keys.read : saved ? keys.edit : keys.create;
}

/** A field of free text (the note's talk, the plan's reason). */
export function CoachingTextArea({
  label,
  rows,
  value,
  onChange,
  testId,
}: {
  label: string;
  rows: number;
  value: string;
  onChange(text: string): void;
  testId: string;
}) {
  return (
    <Field label={label}>
      <textarea
        className="textarea"
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
    </Field>
  );
}
