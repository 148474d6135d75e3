/** What went wrong, in words, with a way to try again. */
import { UploadTooLargeError, type ApiCallError } from '../api/errors';
import { messageIn } from '../../src-shared/i18n/message-code';
import { useLanguage, useT } from '../i18n/language';

interface ErrorMessageProps {
  error: ApiCallError;
  onRetry?: () => void;
  compact?: boolean;
}

export function ErrorMessage({ error, onRetry, compact }: ErrorMessageProps) {
  const t = useT();
  const language = useLanguage();
  const text =
    error instanceof UploadTooLargeError
      ? t('host.uploadTooLarge', { file: error.fileName, limit: error.limitMb })
      : error.code === 'unauthorized'
        ? t('error.unauthorized')
        : error.code === 'network'
          ? t('error.network')
          : t('common.error', { message: messageIn(t, language, error.message, error.messageCode) });
  return (
    <div className={compact ? 'error-message error-message--compact' : 'error-message'} role="alert">
      <span className="error-message__icon" aria-hidden="true">
        !
      </span>
      <span className="error-message__text">{text}</span>
      {onRetry ? (
        <button type="button" className="button button--small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
