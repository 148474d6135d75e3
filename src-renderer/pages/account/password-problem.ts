/** What is wrong with a new password and its repetition, before it is sent (the contract's bounds). */
export type PasswordProblem = 'tooShort' | 'tooLong' | 'mismatch';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

export function passwordProblem(next: string, repeat: string): PasswordProblem | null {
  if (next.length < PASSWORD_MIN) return 'tooShort';
  if (next.length > PASSWORD_MAX) return 'tooLong';
  return next === repeat ? null : 'mismatch';
}
