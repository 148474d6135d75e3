/** English words of a password an admin reset: the user chooses their own before anything else. */
export const passwordDueEn = {
  'passwordDue.title': 'Choose your own password',
  'passwordDue.lead':
    'An admin reset your password. Before you continue, choose a new password that only you know: type the password the admin gave you as the current password.',
  'passwordDue.refused':
    'Your password was reset by an admin: choose your own password (My account) before anything else ({method}).',
  'passwordDue.badge': 'Must change password',
} as const;
