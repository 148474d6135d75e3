/**
 * Enforcement of the access table (src-shared/api/access.ts) at the API's one door: on a team
 * workspace every call is checked against the signed-in user's role — read afresh from the
 * database each call, so a user disabled or demoted meanwhile loses access at their next call —
 * and runs as that user (`runAs`), so services can scope what they answer. A local workspace
 * file has no sign-in: every call runs as nobody (`null`) and everything is allowed.
 */
import { isMethod, mayCall, PASSWORD_DUE_METHODS, type Method, type Role } from '../../src-shared/api';
import type { Dispatch, Outcome } from '../dispatch';
import { ApiError } from '../errors';
import type { Workspace } from '../workspace';
import { runAs, type Actor } from './actor';
import { SIGN_IN_REFUSED, type SignedIn } from './handlers';
import { narrowInput, narrowOutput, reachOf, type Reach } from './scope';
import { actorOf } from './users';

const ROLE_WORDS: Record<Role, string> = {
  admin: 'an admin',
  team_lead: 'a team lead',
  qa: 'a QA supervisor',
  manager: 'a manager',
  agent: 'an agent',
};

export function refusal(actor: Actor | null, method: Method): ApiError {
  return actor
    ? new ApiError('forbidden', `${method}: ${ROLE_WORDS[actor.role]} may not do this`)
    : new ApiError('unauthorized', `${method}: sign in first (${SIGN_IN_REFUSED})`);
}

function isPasswordDueMethod(method: Method): boolean {
  return (PASSWORD_DUE_METHODS as readonly Method[]).includes(method);
}

/** The refusal while an admin's reset password is still the user's: they choose their own first. */
function passwordDue(method: Method): ApiError {
  return new ApiError(
    'forbidden',
    `${method}: your password was reset by an admin: choose your own password (My account) before anything else`,
    { key: 'passwordDue.refused', params: { method } },
  );
}

/** The signed-in user as a caller now (null: nobody, or they were disabled since). */
export async function callingActor(ws: Workspace, signedIn: SignedIn): Promise<Actor | null> {
  if (signedIn.userId === null) return null;
  const actor = await actorOf(ws.kysely, signedIn.userId);
  if (!actor) signedIn.userId = null;
  return actor;
}

/**
 * The check every door shares, on a team workspace: `method` must be the caller's to call (else
 * the refusal is thrown), and its input is narrowed to their reach (a lead's teams, an agent's
 * own). `reach` (null: the whole floor) narrows the answer too.
 */
export async function admit(
  ws: Workspace,
  actor: Actor | null,
  method: Method,
  input: unknown,
): Promise<{ input: unknown; reach: Reach | null }> {
  if (!mayCall(actor?.role ?? null, method)) throw refusal(actor, method);
  if (actor?.mustChangePassword && !isPasswordDueMethod(method)) throw passwordDue(method);
  const reach = await reachOf(ws.kysely, actor);
  return { input: reach ? await narrowInput(ws.kysely, reach, method, input) : input, reach };
}

export function guardDispatch(ws: Workspace, signedIn: SignedIn, dispatch: Dispatch): Dispatch {
  if (ws.engine !== 'postgres') return (method, input) => runAs(null, () => dispatch(method, input));
  return async (method, input): Promise<Outcome> => {
    if (!isMethod(method)) return dispatch(method, input);
    const actor = await callingActor(ws, signedIn);
    let admitted: Awaited<ReturnType<typeof admit>>;
    try {
      admitted = await admit(ws, actor, method, input);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      // a refusal names its method already; a narrowing's refusal does not
      const message = err.message.startsWith(`${method}: `) ? err.message : `${method}: ${err.message}`;
      return {
        ok: false,
        error: { code: err.code, message, ...(err.messageCode && { messageCode: err.messageCode }) },
      };
    }
    const { reach } = admitted;
    const outcome = await runAs(actor, () => dispatch(method, admitted.input));
    return outcome.ok && reach ? { ok: true, value: narrowOutput(reach, method, outcome.value) } : outcome;
  };
}
