import { randomBytes } from 'node:crypto';
import { Secret } from 'otpauth';

/** Which JumpCloud experience a user is sent through: the 2017 User Portal or today's console. */
export type PortalFlow = 'classic' | 'console';

/** One portal account. Tests read and change these directly through `Portal.state`. */
export interface PortalUser {
  email: string;
  /** Null until the user sets one from the reset-password email. */
  password: string | null;
  mfaEnabled: boolean;
  /** Base32 TOTP secret, created when MFA is enabled; kept across failed enrolment attempts. */
  totpSecret: string | null;
  /** True once the user finished the authenticator setup page. */
  enrolled: boolean;
  flow: PortalFlow;
  /** Wrong passwords and codes since the last successful login. */
  failedAttempts: number;
  locked: boolean;
  /** Highest TOTP time step accepted for this user, so no code is accepted twice (RFC 6238 §5.2). */
  lastUsedStep: number;
}

/** An email the portal "sent"; the demo shows them at /outbox instead of mailing them. */
export interface OutboxMessage {
  id: number;
  to: string;
  subject: string;
  text: string;
  /** Path of the action link in the email, e.g. `/reset-password?token=…`. */
  link: string;
  linkLabel: string;
  sentAt: number;
}

/** Where a browser session is in a login: `authenticated` is the only stage that reaches /home. */
export type SessionStage = 'password' | 'method' | 'totp' | 'enrol-classic' | 'enrol-console' | 'authenticated';

/** Server-side session behind the HttpOnly cookie. */
export interface PortalSession {
  email: string;
  stage: SessionStage;
}

/** Everything the portal knows, held in memory. */
export interface PortalState {
  users: Map<string, PortalUser>;
  outbox: OutboxMessage[];
  sessions: Map<string, PortalSession>;
  /** Single-use password reset tokens → email. */
  resetTokens: Map<string, string>;
  /** The clock used to check codes (and sent as the `Date` header when skewed); tests may replace it. */
  now: () => number;
  /** Seconds the portal's clock is off real time (`?skew=-47` on any page): a server whose clock drifted. */
  skewSeconds: number;
  /** Every code check, in order, for tests to see what the portal received and answered. */
  codeChecks: CodeCheckRecord[];
}

/** One code the portal checked. */
export interface CodeCheckRecord {
  email: string;
  ok: boolean;
  /** The portal's own clock when it checked. */
  at: number;
}

/** The largest clock skew the demo accepts, in seconds. */
export const MAX_SKEW_SECONDS = 3600;

/** Failed passwords or codes after which an account is locked. */
export const MAX_FAILED_ATTEMPTS = 5;

/** The password of the seeded demo users. */
export const DEMO_PASSWORD = 'correct horse battery staple';

/** An empty portal. */
export function createPortalState(realNow: () => number = Date.now): PortalState {
  const state: PortalState = {
    users: new Map(),
    outbox: [],
    sessions: new Map(),
    resetTokens: new Map(),
    now: () => realNow() + state.skewSeconds * 1000,
    skewSeconds: 0,
    codeChecks: [],
  };
  return state;
}

/** Forgets every user, email, session, token and code check, and sets the clock right (the clock function stays). */
export function clearPortalState(state: PortalState): void {
  state.skewSeconds = 0;
  state.codeChecks.length = 0;
  state.users.clear();
  state.outbox.length = 0;
  state.sessions.clear();
  state.resetTokens.clear();
}

/** Emails are matched case-insensitively, like the portal does. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** An unguessable token for cookies and email links. */
export function createToken(): string {
  return randomBytes(18).toString('base64url');
}

/** Adds a user (replacing one with the same email); MFA, if asked for, is enabled as an admin would. */
export function addUser(
  state: PortalState,
  input: { email: string; password?: string | null; mfa?: boolean; flow?: PortalFlow },
): PortalUser {
  const user: PortalUser = {
    email: normalizeEmail(input.email),
    password: input.password ?? null,
    mfaEnabled: false,
    totpSecret: null,
    enrolled: false,
    flow: input.flow ?? 'classic',
    failedAttempts: 0,
    locked: false,
    lastUsedStep: -1,
  };
  state.users.set(user.email, user);
  if (input.mfa) enableMfa(state, user);
  return user;
}

/** What the admin checkbox does: creates a fresh 16-character key and emails the user how to continue. */
export function enableMfa(state: PortalState, user: PortalUser): OutboxMessage {
  user.mfaEnabled = true;
  user.enrolled = false;
  user.totpSecret = new Secret({ size: 10 }).base32;
  user.lastUsedStep = -1;
  if (user.flow === 'console') {
    return sendMail(state, user.email, 'Multi-factor authentication required',
      'Your administrator now requires a verification code when you sign in. Sign in to set up your authenticator app.',
      '/console/login', 'Sign in to the User Console');
  }
  const token = createToken();
  state.resetTokens.set(token, user.email);
  return sendMail(state, user.email, 'MFA Now Enabled — Reset your password',
    'Multi-factor authentication is now enabled on your Acme Corp User Portal account. Reset your password, then set up your authenticator app.',
    `/reset-password?token=${token}`, 'Reset your password');
}

/** Puts a message in the outbox. */
export function sendMail(state: PortalState, to: string, subject: string, text: string, link: string, linkLabel: string): OutboxMessage {
  const message: OutboxMessage = { id: state.outbox.length + 1, to, subject, text, link, linkLabel, sentAt: state.now() };
  state.outbox.push(message);
  return message;
}

/** Counts a wrong password or code; the fifth one locks the account. Returns whether it is now locked. */
export function recordFailedAttempt(user: PortalUser): boolean {
  user.failedAttempts += 1;
  if (user.failedAttempts >= MAX_FAILED_ATTEMPTS) user.locked = true;
  return user.locked;
}

/** Lifts a lock and forgets earlier failures. */
export function unlockUser(user: PortalUser): void {
  user.locked = false;
  user.failedAttempts = 0;
}

/** The demo's starting point: alice for the classic flow (MFA not yet enabled), bob for the console flow. */
export function seedDemoUsers(state: PortalState): void {
  addUser(state, { email: 'alice@example.com', password: DEMO_PASSWORD, flow: 'classic' });
  addUser(state, { email: 'bob@example.com', password: DEMO_PASSWORD, mfa: true, flow: 'console' });
}

/** A user as the test API shows it: everything but the password and the secret. */
export function describeUser(user: PortalUser): Record<string, unknown> {
  const { email, mfaEnabled, enrolled, flow, failedAttempts, locked } = user;
  return { email, mfaEnabled, enrolled, flow, failedAttempts, locked, hasPassword: user.password !== null };
}
