/**
 * The language the CLI speaks: `--lang`, else the workspace's language setting, else the
 * environment's locale (LC_ALL, then LC_MESSAGES, then LANG, as POSIX reads them: Chinese of
 * any region reads zh-CN), else English.
 */
import { LANGUAGES, type Language } from '../src-shared/domain';
import type { Settings } from '../src-shared/api';

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** The locale the environment names, by POSIX precedence; null when none is set. */
function environmentLocale(env: NodeJS.ProcessEnv): string | null {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (value) return value;
  }
  return null;
}

export function cliLanguage(
  option: Language | undefined,
  setting: Settings['language'] | null,
  env: NodeJS.ProcessEnv,
): Language {
  if (option !== undefined) return option;
  if (setting !== null && setting !== 'auto') return setting;
  return environmentLocale(env)?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
