/** Whether a workspace target is a team workspace's `postgres://` (or `postgresql://`) URL, not a file. */
export function isTeamWorkspaceUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}
