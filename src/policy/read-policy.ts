import { POLICY_LAST_KNOWN_KEY as LAST_KNOWN_KEY } from '../storage';
import { parsePolicy, type ParsedPolicy } from './parse-policy';
import { POLICY_INTEGER_RANGES, type ManagedPolicy } from './policy-types';

/** The part of `browser.storage.managed` this reads. */
export interface ManagedStorageLike {
  get(keys?: null): Promise<Record<string, unknown>>;
}

/**
 * Errors that only mean "no policy installed": Firefox throws "Managed storage manifest not found" when no
 * policies.json / native manifest provides one (bugzil.la/1868153), and some builds have no managed area.
 */
const NOT_MANAGED = [/managed storage manifest not found/i, /storage\.managed is (not available|undefined)/i, /not supported/i];

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return '';
}

/** Where the last policy read successfully is kept (session storage: trusted contexts only, gone when the browser closes). */
export interface LastKnownPolicyArea {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}


/**
 * What applies when the policy cannot be read and none was read before: the strictest reading of every setting
 * that guards something (no site is filled, no plain export, no auto-submit, the shortest auto-lock), so an
 * unreadable policy never leaves the browser less protected than the policy would have.
 */
export const STRICTEST_POLICY: Readonly<ManagedPolicy> = Object.freeze({
  allowedSites: [],
  maxAutoLockMinutes: POLICY_INTEGER_RANGES.maxAutoLockMinutes.min,
  allowPlainExport: false,
  allowAutoSubmit: false,
  autoFill: false,
  allowPasskeyUnlock: false,
  requirePasskeyUserVerification: true,
});

async function rememberPolicy(area: LastKnownPolicyArea | undefined, raw: unknown): Promise<void> {
  if (!area) return;
  try {
    const before = (await area.get(LAST_KNOWN_KEY))[LAST_KNOWN_KEY];
    // An unmanaged browser reads {} every time: nothing to keep until a policy has been seen.
    const empty = typeof raw === 'object' && raw !== null && Object.keys(raw).length === 0;
    if (before === undefined && empty) return;
    if (JSON.stringify(before) !== JSON.stringify(raw)) await area.set({ [LAST_KNOWN_KEY]: raw });
  } catch {
    // Only the fallback is lost; the policy just read still applies.
  }
}

async function lastKnownPolicy(area: LastKnownPolicyArea | undefined): Promise<ParsedPolicy | undefined> {
  try {
    const raw = area ? (await area.get(LAST_KNOWN_KEY))[LAST_KNOWN_KEY] : undefined;
    return raw === undefined ? undefined : parsePolicy(raw);
  } catch {
    return undefined;
  }
}

/**
 * Reads and validates the organisation's policy from `browser.storage.managed`. An unmanaged browser (no managed
 * area, or Firefox's "manifest not found") gives an empty policy without warnings. Any other failure must not
 * lift the policy (fail closed): the last policy read (kept in `lastKnown`) applies, else the strictest, with a
 * warning that says so. Never throws.
 */
export async function readManagedPolicy(storageManaged: ManagedStorageLike | undefined, lastKnown?: LastKnownPolicyArea): Promise<ParsedPolicy> {
  if (!storageManaged || typeof storageManaged.get !== 'function') return { policy: {}, warnings: [] };
  let raw: unknown;
  try {
    raw = await storageManaged.get(null);
  } catch (error) {
    const message = messageOf(error);
    if (NOT_MANAGED.some((pattern) => pattern.test(message))) return { policy: {}, warnings: [] };
    const detail = message ? ` (${message.slice(0, 200)})` : '';
    const check = "Check the browser's policy page (chrome://policy or about:policies).";
    const last = await lastKnownPolicy(lastKnown);
    if (last) {
      return { policy: last.policy, warnings: [`The organisation policy could not be read${detail}; the last policy read is applied. ${check}`, ...last.warnings] };
    }
    return {
      policy: { ...STRICTEST_POLICY, allowedSites: [] },
      warnings: [
        `The organisation policy could not be read${detail}; the strictest settings apply until it can be: no codes are filled, ` +
          `no plain exports, no auto-submit, no passkey unlock, auto-lock after ${STRICTEST_POLICY.maxAutoLockMinutes} minute. ${check}`,
      ],
    };
  }
  await rememberPolicy(lastKnown, raw);
  return parsePolicy(raw);
}
