/** The account page's checks before a new password is sent, and its address. */
import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../src-renderer/hooks/useHashRoute';
import { passwordProblem } from '../../src-renderer/pages/account/password-problem';

describe('a new password, checked before it is sent', () => {
  it('needs 8 to 200 characters, typed the same twice', () => {
    expect(passwordProblem('', '')).toBe('tooShort');
    expect(passwordProblem('1234567', '1234567')).toBe('tooShort');
    expect(passwordProblem('12345678', '12345678')).toBeNull();
    expect(passwordProblem('12345678', '12345679')).toBe('mismatch');
    expect(passwordProblem('x'.repeat(200), 'x'.repeat(200))).toBeNull();
    expect(passwordProblem('x'.repeat(201), 'x'.repeat(201))).toBe('tooLong');
    // too short is said first: a mismatch of two short passwords is not the problem yet
    expect(passwordProblem('short', 'other')).toBe('tooShort');
  });
});

describe('the account address', () => {
  it('is its own page, outside the sidebar', () => {
    expect(parseRoute('#/account')).toEqual({ route: 'account' });
    expect(parseRoute('#/accounts')).toEqual({ route: 'dashboard' });
  });
});
