/**
 * The `auth.*` and `users.*` methods. The signed-in user belongs to the API instance (one person
 * per app process, see docs in TEAM workspaces): `SignedIn` holds who it is between calls.
 */
import type { AuthMethod } from '../../src-shared/api';
import type { HandlersFor } from '../dispatch';
import { ApiError } from '../errors';
import type { Workspace } from '../workspace';
import { currentActor } from './actor';
import { decoyHash, verifyPassword } from './passwords';
import {
  createUser,
  findLogin,
  getUser,
  hasAdmin,
  listUsers,
  passwordHashOf,
  setPassword,
  updateUser,
} from './users';

/** Who is signed in to one API instance (its user id); nobody at first. */
export class SignedIn {
  userId: number | null = null;
}

/** The one answer to a wrong login or a wrong password: it does not say which. */
export const SIGN_IN_REFUSED = 'unauthorized';

function refuseLocal(ws: Workspace): void {
  if (ws.engine !== 'postgres')
    throw new ApiError('conflict', 'a local workspace file has no sign-in: its one user may do everything');
}

export function authHandlers(ws: Workspace, signedIn: SignedIn): HandlersFor<AuthMethod> {
  const db = ws.kysely;
  return {
    'auth.state': async () => {
      if (ws.engine !== 'postgres') return { required: false, initialised: true, user: null };
      const actor = currentActor();
      return {
        required: true,
        initialised: await hasAdmin(db),
        user: actor ? await getUser(db, actor.userId) : null,
      };
    },
    'auth.signIn': async ({ login, password }) => {
      refuseLocal(ws);
      const found = await findLogin(db, login);
      // An unknown login costs a hash too: the time taken does not tell a login that exists.
      const matches = await verifyPassword(password, found?.hash ?? (await decoyHash()));
      const user = found && matches ? await getUser(db, found.id) : null;
      if (!user || user.disabled) {
        signedIn.userId = null;
        throw new ApiError('unauthorized', SIGN_IN_REFUSED);
      }
      signedIn.userId = user.id;
      return user;
    },
    'auth.signOut': () => {
      const was = signedIn.userId !== null;
      signedIn.userId = null;
      return { signedOut: was };
    },
    'auth.changePassword': async ({ current, next }) => {
      refuseLocal(ws);
      const actor = currentActor();
      if (!actor) throw new ApiError('unauthorized', SIGN_IN_REFUSED);
      if (!(await verifyPassword(current, await passwordHashOf(db, actor.userId))))
        throw new ApiError('unauthorized', 'the current password is wrong');
      await ws.writes.run(() => setPassword(db, actor.userId, next));
      return { changed: true };
    },
    'users.list': () => listUsers(db),
    'users.create': (input) => ws.writes.run(() => createUser(db, input)),
    'users.update': (patch) => ws.writes.run(() => updateUser(db, patch)),
    'users.resetPassword': async ({ id, password }) => {
      // A password set for someone else is theirs to replace; an admin's own is their own choice.
      const forSomeoneElse = currentActor()?.userId !== id;
      await ws.writes.run(() => setPassword(db, id, password, forSomeoneElse));
      return { reset: true };
    },
  };
}
