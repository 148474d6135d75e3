/** English words of signing in to a team workspace. */
export const authEn = {
  'auth.title': 'Sign in',
  'auth.hint': 'This is a team workspace: sign in with the login your admin gave you.',
  'auth.workspace': 'Team workspace',
  'auth.login': 'Login',
  'auth.password': 'Password',
  'auth.signIn': 'Sign in',
  'auth.refused': 'Wrong login or password.',
  'auth.noAdmin': 'This team workspace has no admin yet. Your IT sets one up with “callscope team init”.',
  'auth.signedInAs': 'Signed in as',
  'auth.signOut': 'Sign out',
  'auth.role.admin': 'Admin',
  'auth.role.team_lead': 'Team lead',
  'auth.role.qa': 'QA supervisor',
  'auth.role.manager': 'Manager',
  'auth.role.agent': 'Agent',
} as const;
