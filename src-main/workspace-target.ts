/**
 * What a door is given to open: a workspace file, or a team workspace's `postgres://` (or
 * `postgresql://`) URL. The URL may carry a password: it is used to connect and never shown or
 * kept beyond that (`shownTarget` drops it).
 */
import path from 'node:path';
import { isTeamWorkspaceUrl } from '../src-shared/workspace-url';

export { isTeamWorkspaceUrl };

/** A file path resolved from `cwd`; a team workspace's URL as given. */
export function resolveTarget(target: string, cwd: string = process.cwd()): string {
  return isTeamWorkspaceUrl(target) ? target : path.resolve(cwd, target);
}

/** What may be shown or stored of a target: a URL without its password (a file path as it is). */
export function shownTarget(target: string): string {
  if (!isTeamWorkspaceUrl(target)) return target;
  try {
    const u = new URL(target);
    u.password = '';
    if (u.searchParams.has('password')) u.searchParams.delete('password');
    return u.toString();
  } catch {
    return 'the team workspace URL';
  }
}
