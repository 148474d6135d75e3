/** English words of the desktop app's password prompt for a team workspace (src-main/keychain). */
export const keychainEn = {
  'keychain.title': 'Sign in to the team workspace',
  'keychain.prompt': 'Password of {user} for the database {database} on {host}:{port}',
  'keychain.refused': 'The server refused that password. Please try again.',
  'keychain.remember': 'Callscope keeps it on this computer, encrypted by your system’s keychain.',
  'keychain.noEncryption':
    'This computer offers no encryption for saved passwords, so Callscope will not keep it: you will be asked each time.',
  'keychain.signIn': 'Sign in',
  'keychain.cancel': 'Cancel',
} as const;
