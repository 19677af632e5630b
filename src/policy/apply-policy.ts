import type { Settings } from '../messages';
import { DEFAULT_MIN_PASSPHRASE_LENGTH, KDF_FLOOR, KDF_POLICY_CAP, type KdfParams } from '../vault/kdf';
import { PolicyError } from './errors';
import type { ManagedPolicy } from './policy-types';
import { matchSitePattern, parseSitePattern, type SitePattern } from '../sites/policy-pattern';

/** Settings the organisation fixed: the options page shows "Set by your organisation" and disables their controls. */
export type PolicyLocks = Partial<Record<keyof Settings, 'policy'>>;

/** The settings in force under a policy, and which of them the user cannot change. */
export interface AppliedPolicy {
  settings: Settings;
  locked: PolicyLocks;
}

/**
 * Applies the policy over the user's settings; the policy wins. Auto-lock is clamped to `maxAutoLockMinutes`
 * (0, "only when the browser closes", counts as longer than any bound) but stays the user's choice below it,
 * so it is not listed as locked; see {@link allowedAutoLockChoices}.
 */
export function applyPolicy(settings: Settings, policy: ManagedPolicy): AppliedPolicy {
  const next: Settings = { ...settings };
  const locked: PolicyLocks = {};
  if (policy.autoFill !== undefined) {
    next.autoFill = policy.autoFill;
    locked.autoFill = 'policy';
  }
  if (policy.allowAutoSubmit === false) {
    next.autoSubmit = false;
    locked.autoSubmit = 'policy';
  }
  if (policy.backupReminder !== undefined) {
    next.backupReminder = policy.backupReminder !== 'off';
    locked.backupReminder = 'policy';
  }
  const bound = policy.maxAutoLockMinutes;
  if (bound !== undefined && (next.autoLockMinutes === 0 || next.autoLockMinutes > bound)) {
    next.autoLockMinutes = bound;
  }
  return { settings: next, locked };
}

/**
 * The auto-lock choices (minutes; 0 = when the browser closes) a user may pick under the policy: those within
 * the bound, plus the bound itself so the user can keep the longest delay allowed.
 */
export function allowedAutoLockChoices(policy: ManagedPolicy, choices: readonly number[]): number[] {
  const bound = policy.maxAutoLockMinutes;
  if (bound === undefined) return [...choices];
  const within = choices.filter((minutes) => minutes !== 0 && minutes <= bound);
  return within.includes(bound) ? within : [...within, bound].sort((a, b) => a - b);
}

/** Parses the policy's allow-list; entries were validated by parsePolicy, so an unreadable one simply matches nothing. */
function allowListPatterns(sites: readonly string[]): SitePattern[] {
  const patterns: SitePattern[] = [];
  for (const site of sites) {
    try {
      patterns.push(parseSitePattern(site));
    } catch {
      // A hand-built policy with a bad entry must not widen the list; skipping it only narrows it.
    }
  }
  return patterns;
}

/** Whether codes may be filled into a frame of `origin`: always without an allow-list, otherwise only on a match. */
export function isSiteAllowedByPolicy(policy: ManagedPolicy, origin: string): boolean {
  if (policy.allowedSites === undefined) return true;
  return allowListPatterns(policy.allowedSites).some((pattern) => matchSitePattern(pattern, origin));
}

/** The shortest passphrase accepted for a new vault or backup: the built-in minimum or the policy's, whichever is longer. */
export function effectiveMinPassphraseLength(policy: ManagedPolicy): number {
  return Math.max(DEFAULT_MIN_PASSPHRASE_LENGTH, policy.minPassphraseLength ?? 0);
}

/** Throws a PolicyError when a new passphrase is shorter than the organisation requires (counted like the vault counts). */
export function checkPassphraseAgainstPolicy(policy: ManagedPolicy, passphrase: string): void {
  const required = policy.minPassphraseLength;
  if (required === undefined) return;
  const length = [...String(passphrase).normalize('NFC')].length;
  if (length < required) {
    throw new PolicyError(
      'policy/passphrase-too-short',
      `Your organisation requires a passphrase of at least ${required} characters. Choose a longer one, for example several unrelated words.`,
      { key: 'error_policy_passphrase_short', subs: [required] },
    );
  }
}

/** Argon2id parameters (RFC 9106) for newly written vaults and backups: the policy's minimums, never below the floor nor above the cap. */
export function effectiveKdfParams(policy: ManagedPolicy): KdfParams {
  const clamp = (value: number | undefined, floor: number, cap: number) => Math.min(cap, Math.max(floor, value ?? floor));
  return {
    m: clamp(policy.minKdfMemoryKiB, KDF_FLOOR.m, KDF_POLICY_CAP.m),
    t: clamp(policy.minKdfIterations, KDF_FLOOR.t, KDF_POLICY_CAP.t),
    p: KDF_FLOOR.p,
  };
}

/** Whether secrets may be exported in the clear (Aegis JSON, otpauth links, per-account and migration QR codes). Encrypted backups are always allowed. */
export function isPlainExportAllowed(policy: ManagedPolicy): boolean {
  return policy.allowPlainExport !== false;
}

/** Throws a PolicyError when the organisation forbids exporting secrets in the clear. */
export function requirePlainExportAllowed(policy: ManagedPolicy): void {
  if (!isPlainExportAllowed(policy)) {
    throw new PolicyError(
      'policy/plain-export-blocked',
      'Your organisation does not allow exporting secret keys in the clear (as a plain file, links or QR codes). Use Export → Encrypted backup instead.',
      { key: 'error_policy_plain_export' },
    );
  }
}

/** What the organisation allows of passkey unlock: whether at all, and whether the authenticator must verify the person. */
export interface PasskeyPolicy {
  allowed: boolean;
  requireUserVerification: boolean;
  /** Whether either was set by the organisation (the options page then says "Set by your organisation"). */
  managed: boolean;
}

/** Passkey unlock under the policy: allowed unless `allowPasskeyUnlock` is false; user verification when required. */
export function passkeyPolicy(policy: ManagedPolicy): PasskeyPolicy {
  return {
    allowed: policy.allowPasskeyUnlock !== false,
    requireUserVerification: policy.requirePasskeyUserVerification === true,
    managed: policy.allowPasskeyUnlock !== undefined || policy.requirePasskeyUserVerification !== undefined,
  };
}

/** Throws a PolicyError when the organisation forbids passkey unlock, or requires user verification that did not happen. */
export function requirePasskeyAllowed(policy: ManagedPolicy, userVerified: boolean): void {
  const rules = passkeyPolicy(policy);
  if (!rules.allowed) {
    throw new PolicyError('policy/passkey-blocked', 'Your organisation does not allow unlocking with a passkey. Unlock with your passphrase.', {
      key: 'error_policy_passkey_blocked',
    });
  }
  if (rules.requireUserVerification && !userVerified) {
    throw new PolicyError(
      'policy/passkey-verification-required',
      'Your organisation requires the passkey to verify you (PIN, fingerprint or face). This passkey did not; unlock with your passphrase, then remove the passkey and add it again with verification.',
      { key: 'error_policy_passkey_verification' },
    );
  }
}
