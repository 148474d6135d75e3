/**
 * What a coaching note's and a plan's form share: the fields, disabled for a role that may only
 * read them (an agent, QA, a manager), and the bar below with Save (for who may write) and Cancel
 * (Back, for who only reads), then the save's error.
 */
import type { FormEvent, ReactNode } from 'react';
import type { MessageKey } from '../../../src-shared/i18n';
import type { ApiCallError } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../i18n/language';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'error'; error: ApiCallError };

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
