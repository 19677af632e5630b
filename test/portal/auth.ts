import { createHash, timingSafeEqual } from 'node:crypto';
import { checkTotpCode } from './totp-check';
import { normalizeEmail, recordFailedAttempt, type PortalState, type PortalUser } from './state';

/** The exact wording of the portal's sign-in errors (tests and the extension's end-to-end suites match on them). */
export const AUTH_MESSAGES = {
  wrongPassword: 'Incorrect email or password. Check them and try again.',
  badCode: 'That code is incorrect or has expired. Wait for a new code and try again.',
  replayedCode: 'That code was already used. Wait for the next code.',
  missingCode: 'Enter the 6-digit code from your authenticator app.',
} as const;

/** Why a sign-in step failed: the account is (now) locked, or a message to show on the same form. */
export type AuthFailure = { ok: false; locked: true } | { ok: false; locked: false; message: string };

function samePassword(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function fail(user: PortalUser, message: string): AuthFailure {
  return recordFailedAttempt(user) ? { ok: false, locked: true } : { ok: false, locked: false, message };
}

/** Checks a password; a wrong one counts towards the lock. Unknown emails get the same message and count nothing. */
export function checkPassword(state: PortalState, email: string, password: string): { ok: true; user: PortalUser } | AuthFailure {
  const user = state.users.get(normalizeEmail(email));
  if (!user) return { ok: false, locked: false, message: AUTH_MESSAGES.wrongPassword };
  if (user.locked) return { ok: false, locked: true };
  if (user.password === null || !samePassword(password, user.password)) return fail(user, AUTH_MESSAGES.wrongPassword);
  return { ok: true, user };
}

/** Checks a one-time code for a user with a secret; wrong, expired and replayed codes count towards the lock. */
export function checkCode(state: PortalState, user: PortalUser, code: string): { ok: true } | AuthFailure {
  if (user.locked) return { ok: false, locked: true };
  if (code.trim() === '') return { ok: false, locked: false, message: AUTH_MESSAGES.missingCode };
  if (user.totpSecret === null) return fail(user, AUTH_MESSAGES.badCode);
  const at = state.now();
  const result = checkTotpCode(user.totpSecret, code, user.lastUsedStep, at);
  state.codeChecks.push({ email: user.email, ok: result.ok, at });
  if (!result.ok) return fail(user, result.reason === 'replayed' ? AUTH_MESSAGES.replayedCode : AUTH_MESSAGES.badCode);
  user.lastUsedStep = result.step;
  return { ok: true };
}

/** A completed sign-in wipes the failure count. */
export function recordSuccessfulLogin(user: PortalUser): void {
  user.failedAttempts = 0;
}
