/**
 * People who sign in to a team workspace (PostgreSQL): the session's user, signing in and out,
 * and the admin's user list. A local workspace file has no sign-in (`auth.state` says so).
 * Password hashes never leave the main process.
 */
import { z } from 'zod';
import { ROLES } from './access';
import { method, None } from './method';

const Id = z.number().int().positive();
/** Letters, digits and . _ - @: a login someone can type on any keyboard layout. */
const Login = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'a login holds letters, digits and . _ - @ only');
const NewPassword = z.string().min(8, 'a password needs at least 8 characters').max(200);
const DisplayName = z.string().trim().min(1).max(60);
export const RoleSchema = z.enum(ROLES);

export const UserSchema = z.object({
  id: Id,
  login: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  /** the teams a team lead leads */
  teamIds: z.array(Id),
  /** the agent an agent user is */
  agentId: Id.nullable(),
  disabled: z.boolean(),
  createdAt: z.number(),
  /** an admin reset the password: the user must choose their own before anything else */
  mustChangePassword: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

/** What a user whose password was reset may call until they have changed it. */
export const PASSWORD_DUE_METHODS = ['auth.state', 'auth.changePassword', 'auth.signOut'] as const;

export const authContract = {
  /**
   * Whether this workspace needs a sign-in (a team workspace does), whether it has an admin yet,
   * and who is signed in.
   */
  'auth.state': method(
    None,
    z.object({ required: z.boolean(), initialised: z.boolean(), user: UserSchema.nullable() }),
  ),
  /** A wrong login and a wrong password give the same `unauthorized` answer. */
  'auth.signIn': method(z.object({ login: z.string().max(60), password: z.string().max(200) }), UserSchema),
  'auth.signOut': method(None, z.object({ signedOut: z.boolean() })),
  'auth.changePassword': method(
    z.object({ current: z.string().max(200), next: NewPassword }),
    z.object({ changed: z.boolean() }),
  ),
  'users.list': method(None, z.array(UserSchema)),
  'users.create': method(
    z.object({
      login: Login,
      displayName: DisplayName,
      role: RoleSchema,
      password: NewPassword,
      teamIds: z.array(Id).max(100).default([]),
      agentId: Id.nullable().default(null),
    }),
    UserSchema,
  ),
  /** Disabling a user ends their access at their next call. */
  'users.update': method(
    z.object({
      id: Id,
      displayName: DisplayName.optional(),
      role: RoleSchema.optional(),
      teamIds: z.array(Id).max(100).optional(),
      agentId: Id.nullable().optional(),
      disabled: z.boolean().optional(),
    }),
    UserSchema,
  ),
  'users.resetPassword': method(
    z.object({ id: Id, password: NewPassword }),
    z.object({ reset: z.boolean() }),
  ),
} as const;

export type AuthMethod = keyof typeof authContract;
