/**
 * The login to record as the maker of a row (`created_by`) or of a change (the activity log): the
 * signed-in user's, or '' for a local workspace and the command line, which have no sign-in —
 * there the one user is everyone, and the app shows no "by …" at all.
 */
import { currentActor } from '../auth/actor';

export function actingLogin(): string {
  return currentActor()?.login ?? '';
}
