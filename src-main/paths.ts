/**
 * Where a workspace lives by default: the folder Electron's `app.getPath('userData')` gives for
 * "Callscope", so the desktop app, browser mode and the CLI all open the same file.
 */
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Callscope';
export const DEFAULT_DB_FILE = 'workspace.sqlite';

export function appDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.join(home, '.config');
}

export function defaultUserDataDir(): string {
  return process.env.CALLSCOPE_HOME ?? path.join(appDataDir(), PRODUCT_NAME);
}

export function defaultDbPath(userDataDir: string = defaultUserDataDir()): string {
  return path.join(userDataDir, DEFAULT_DB_FILE);
}
