/**
 * Who is calling. A team workspace's API runs every call as its signed-in user; services that
 * scope what they answer (a team lead's teams, an agent's own numbers) or record who did
 * something read it here instead of threading it through every signature. `null` means a local
 * workspace (one user, no sign-in) or the command line acting on the database's own credentials.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from '../../src-shared/api/access';

export interface Actor {
  userId: number;
  login: string;
  displayName: string;
  role: Role;
  /** the teams a team lead leads (empty for other roles) */
  teamIds: readonly number[];
  /** the agent an agent user is (null for other roles) */
  agentId: number | null;
  /** an admin reset their password: only the password change is theirs until they make it */
  mustChangePassword?: boolean;
}

const calling = new AsyncLocalStorage<Actor | null>();

export function runAs<T>(actor: Actor | null, fn: () => T): T {
  return calling.run(actor, fn);
}

export function currentActor(): Actor | null {
  return calling.getStore() ?? null;
}
