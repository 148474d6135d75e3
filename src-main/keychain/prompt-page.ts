/**
 * The desktop app's password prompt as a page of its own (the Electron side only shows it): its
 * words in the person's language, and the script that waits for the answer. No scripts in the page
 * itself; the main process runs PROMPT_SCRIPT in it and gets the password, or null on cancel.
 */
import { translate } from '../../src-shared/i18n';
import type { Language } from '../../src-shared/domain';
import type { SavedPasswordKey } from './saved-passwords';

export interface PromptTexts {
  title: string;
  prompt: string;
  /** the last password was refused */
  refused: string | null;
  /** whether and how it will be kept */
  note: string;
  signIn: string;
  cancel: string;
}

export function passwordPromptTexts(
  language: Language,
  key: SavedPasswordKey,
  again: boolean,
  canSeal: boolean,
): PromptTexts {
  const t = (k: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
    translate(language, k, params);
  return {
    title: t('keychain.title'),
    prompt: t('keychain.prompt', { user: key.user, database: key.database, host: key.host, port: key.port }),
    refused: again ? t('keychain.refused') : null,
    note: t(canSeal ? 'keychain.remember' : 'keychain.noEncryption'),
    signIn: t('keychain.signIn'),
    cancel: t('keychain.cancel'),
  };
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The prompt's HTML (a data: URL's content): no script, nothing loaded from anywhere. */
export function passwordPromptPage(texts: PromptTexts, language: Language): string {
  const e = escapeHtml;
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action 'none'">
<title>${e(texts.title)}</title>
<style>
  body { font: 14px system-ui, sans-serif; margin: 20px; color: #1f2933; }
  p { margin: 0 0 10px; } .refused { color: #b42318; } .note { color: #52606d; font-size: 12px; }
  input { width: 100%; box-sizing: border-box; padding: 6px; margin-bottom: 12px; font-size: 14px; }
  .buttons { text-align: right; } button { margin-left: 8px; padding: 5px 14px; }
</style></head>
<body><form id="prompt">
<p>${e(texts.prompt)}</p>
${texts.refused ? `<p class="refused">${e(texts.refused)}</p>` : ''}
<input type="password" name="password" autocomplete="current-password" autofocus>
<p class="note">${e(texts.note)}</p>
<div class="buttons"><button type="button" id="cancel">${e(texts.cancel)}</button><button type="submit">${e(texts.signIn)}</button></div>
</form></body></html>`;
}

/** Run in the page by the main process: resolves with the typed password, or null on cancel. */
export const PROMPT_SCRIPT = `new Promise((resolve) => {
  const form = document.getElementById('prompt');
  form.addEventListener('submit', (event) => { event.preventDefault(); resolve(form.elements.password.value); });
  document.getElementById('cancel').addEventListener('click', () => resolve(null));
})`;
