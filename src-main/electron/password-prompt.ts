/**
 * The desktop keychain's Electron side: the password prompt window and safeStorage as the cipher.
 * The logic (when to ask, what to keep, what to forget) is src-main/keychain/, tested without
 * Electron.
 */
import path from 'node:path';
import { app, BrowserWindow, safeStorage } from 'electron';
import { languageFor } from '../../src-shared/i18n';
import { KeychainPassword } from '../keychain/keychain-password';
import { passwordPromptPage, passwordPromptTexts, PROMPT_SCRIPT } from '../keychain/prompt-page';
import { SavedPasswords } from '../keychain/saved-passwords';

/** Shows the prompt in a small window of its own; the typed password, or null when cancelled or closed. */
async function askInWindow(html: string, title: string): Promise<string | null> {
  const win = new BrowserWindow({
    width: 480,
    height: 250,
    resizable: false,
    minimizable: false,
    maximizable: false,
    title,
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      spellcheck: false,
      devTools: false,
      // As the main window: no middle click opening a new window.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.setMenuBarVisibility(false);
  const closed = new Promise<null>((resolve) => win.once('closed', () => resolve(null)));
  await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
  win.show();
  const answer: unknown = await Promise.race([win.webContents.executeJavaScript(PROMPT_SCRIPT), closed]);
  if (!win.isDestroyed()) win.close();
  return typeof answer === 'string' ? answer : null;
}

/** The team workspace's password for the session: remembered sealed under userData, or asked. */
export function desktopKeychain(url: string): KeychainPassword {
  const store = new SavedPasswords(path.join(app.getPath('userData'), 'team-passwords.json'), safeStorage);
  const language = languageFor(app.getPreferredSystemLanguages());
  return new KeychainPassword(url, store, (key, again) => {
    const texts = passwordPromptTexts(language, key, again, safeStorage.isEncryptionAvailable());
    return askInWindow(passwordPromptPage(texts, language), texts.title);
  });
}
