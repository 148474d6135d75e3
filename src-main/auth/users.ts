/**
 * The users of a team workspace: stored with a scrypt hash of their password, a role, the teams a
 * team lead leads and the agent an agent user is. What leaves here never holds the hash.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Input, ParsedInput, Role, User } from '../../src-shared/api';
import { now } from '../clock';
import type { Database } from '../db/schema';
import { ApiError, badInput, notFound } from '../errors';
import type { Actor } from './actor';
import { hashPassword } from './passwords';

type Db = Kysely<Database> | Transaction<Database>;

const USER_COLUMNS = [
  'id',
  'login',
  'display_name',
  'role',
  'agent_id',
  'disabled',
  'created_at',
  'must_change_password',
] as const;

async function teamsOf(db: Db, userIds: readonly number[]): Promise<Map<number, number[]>> {
  const byUser = new Map<number, number[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('user_teams')
    .select(['user_id', 'team_id'])
    .where('user_id', 'in', userIds)
    .orderBy('team_id')
    .execute();
  for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r.team_id]);
  return byUser;
}

export async function listUsers(db: Db, ids?: readonly number[]): Promise<User[]> {
  let query = db.selectFrom('users').select(USER_COLUMNS).orderBy('login');
  if (ids) query = query.where('id', 'in', ids.length ? ids : [0]);
  const rows = await query.execute();
  const teams = await teamsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    login: r.login,
    displayName: r.display_name,
    role: r.role,
    teamIds: teams.get(r.id) ?? [],
    agentId: r.agent_id,
    disabled: r.disabled === 1,
    createdAt: Number(r.created_at),
    mustChangePassword: r.must_change_password === 1,
  }));
}

export async function getUser(db: Db, id: number): Promise<User> {
  const [user] = await listUsers(db, [id]);
  if (!user) throw notFound(`user ${id}`);
  return user;
}

/** The user of `login` (any case) with their stored hash, for signing in; null when none. */
export async function findLogin(db: Db, login: string): Promise<{ id: number; hash: string } | null> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'password_hash'])
    .where((eb) => eb(eb.fn('lower', ['login']), '=', login.trim().toLowerCase()))
    .executeTakeFirst();
  return row ? { id: row.id, hash: row.password_hash } : null;
}

export async function passwordHashOf(db: Db, id: number): Promise<string> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`user ${id}`);
  return row.password_hash;
}

/** Who user `id` is as a caller; null when they no longer exist or are disabled. */
export async function actorOf(db: Db, id: number): Promise<Actor | null> {
  const [user] = await listUsers(db, [id]);
  if (!user || user.disabled) return null;
  return {
    userId: user.id,
    login: user.login,
    displayName: user.displayName,
    role: user.role,
    teamIds: user.role === 'team_lead' ? user.teamIds : [],
    agentId: user.role === 'agent' ? user.agentId : null,
    mustChangePassword: user.mustChangePassword,
  };
}

/** Does the workspace have an admin who may sign in? */
export async function hasAdmin(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .executeTakeFirst();
  return row !== undefined;
}

/** A team lead's teams and an agent user's agent must exist; other roles keep neither. */
async function checkLinks(db: Db, role: Role, teamIds: readonly number[], agentId: number | null) {
  if (role === 'agent' && agentId === null)
    throw badInput('an agent user needs the agent they are (agentId)');
  if (role !== 'agent' && agentId !== null) throw badInput('only an agent user is linked to an agent');
  if (role !== 'team_lead' && teamIds.length > 0) throw badInput('only a team lead leads teams');
  if (agentId !== null) {
    const agent = await db.selectFrom('agents').select('id').where('id', '=', agentId).executeTakeFirst();
    if (!agent) throw notFound(`agent ${agentId}`);
  }
  if (teamIds.length > 0) {
    const found = await db.selectFrom('teams').select('id').where('id', 'in', teamIds).execute();
    const missing = teamIds.find((t) => !found.some((f) => f.id === t));
    if (missing !== undefined) throw notFound(`team ${missing}`);
  }
}

async function setTeams(db: Db, userId: number, teamIds: readonly number[]): Promise<void> {
  await db.deleteFrom('user_teams').where('user_id', '=', userId).execute();
  const unique = [...new Set(teamIds)];
  if (unique.length)
    await db
      .insertInto('user_teams')
      .values(unique.map((team_id) => ({ user_id: userId, team_id })))
      .execute();
}

export async function createUser(db: Kysely<Database>, input: ParsedInput<'users.create'>): Promise<User> {
  const hash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (await findLogin(trx, input.login))
      throw new ApiError('conflict', `a user with the login "${input.login}" already exists`);
    await checkLinks(trx, input.role, input.teamIds, input.agentId);
    const { id } = await trx
      .insertInto('users')
      .values({
        login: input.login.trim(),
        display_name: input.displayName,
        role: input.role,
        password_hash: hash,
        agent_id: input.agentId,
        created_at: now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setTeams(trx, id, input.teamIds);
    return getUser(trx, id);
  });
}

export async function updateUser(db: Kysely<Database>, patch: Input<'users.update'>): Promise<User> {
  return db.transaction().execute(async (trx) => {
    const before = await getUser(trx, patch.id);
    const role = patch.role ?? before.role;
    // Moving to a role keeps only the links that role has, unless the patch names new ones.
    const teamIds = patch.teamIds ?? (role === 'team_lead' ? before.teamIds : []);
    const agentId = patch.agentId !== undefined ? patch.agentId : role === 'agent' ? before.agentId : null;
    const disabled = patch.disabled ?? before.disabled;
    await checkLinks(trx, role, teamIds, agentId);
    await trx
      .updateTable('users')
      .set({
        display_name: patch.displayName ?? before.displayName,
        role,
        agent_id: agentId,
        disabled: disabled ? 1 : 0,
      })
      .where('id', '=', patch.id)
      .execute();
    await setTeams(trx, patch.id, teamIds);
    // Nobody could manage users any more: refuse (the transaction rolls back).
    if (!(await hasAdmin(trx)))
      throw new ApiError('conflict', 'this is the last admin: make another user admin first');
    return getUser(trx, patch.id);
  });
}

/**
 * A new password for user `id`. `mustChange`: an admin set it for someone else, who must choose
 * their own at the next sign-in; a password the user chose themself clears that.
 */
export async function setPassword(
  db: Kysely<Database>,
  id: number,
  password: string,
  mustChange = false,
): Promise<void> {
  const hash = await hashPassword(password);
  const result = await db
    .updateTable('users')
    .set({ password_hash: hash, must_change_password: mustChange ? 1 : 0 })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw notFound(`user ${id}`);
}

/**
 * The first admin of a new team workspace (`callscope team init`, the tests): refused once the
 * workspace has an admin, so it cannot be used to take over one that is set up.
 */
export async function createFirstAdmin(
  db: Kysely<Database>,
  admin: { login: string; displayName: string; password: string },
): Promise<User> {
  if (await hasAdmin(db)) throw new ApiError('conflict', 'this workspace already has an admin');
  return createUser(db, { ...admin, role: 'admin', teamIds: [], agentId: null });
}
