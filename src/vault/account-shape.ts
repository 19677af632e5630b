import type { OtpAccount } from '../otp/types';
import { PortalError, type ErrorText } from '../errors';
import { vaultError } from './errors';

/** An OTP account as the vault keeps it: bound to sites, ordered, timestamped. */
export type VaultAccount = OtpAccount & {
  id: string;
  /** Origins the account's codes may be filled into, e.g. https://portal.example.com. */
  sites: string[];
  /** Also fill on other hosts of the same registrable domain (the user opted in). */
  matchRegistrableDomain: boolean;
  createdAt: number;
  updatedAt: number;
  order: number;
};

/** What is encrypted: the accounts only (settings are not secret and live elsewhere). */
export interface VaultData {
  accounts: VaultAccount[];
}

const TYPES = new Set(['totp', 'hotp']);
const ALGORITHMS = new Set(['SHA1', 'SHA256', 'SHA512']);
const MAX_SITES = 64;
const MAX_TEXT = 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_TEXT;
}

/**
 * Checks the storage shape of OTP fields and copies only those fields. Whether a secret or digit count is
 * valid for OTP is the caller's job (the OTP engine); this only keeps malformed values out of the vault.
 */
export function pickOtpFields(value: unknown): OtpAccount {
  if (!isRecord(value)) throw unstorable('it is not an object', { key: 'error_vault_account_not_object' });
  const { type, issuer, accountName, secret, algorithm, digits, period, counter } = value;
  if (typeof type !== 'string' || !TYPES.has(type)) throw unstorable('"type" must be "totp" or "hotp"', { key: 'error_vault_account_type' });
  if (!isText(issuer)) throw unstorable('"issuer" must be text of at most 1024 characters', { key: 'error_vault_account_text', subs: ['issuer', 1024] });
  if (!isText(accountName)) {
    throw unstorable('"accountName" must be text of at most 1024 characters', { key: 'error_vault_account_text', subs: ['accountName', 1024] });
  }
  if (!isText(secret) || secret.length === 0) throw unstorable('"secret" must be a non-empty base32 string', { key: 'error_vault_account_secret' });
  if (typeof algorithm !== 'string' || !ALGORITHMS.has(algorithm)) {
    throw unstorable('"algorithm" must be SHA1, SHA256 or SHA512', { key: 'error_vault_account_algorithm' });
  }
  if (!isWholeNumber(digits)) throw unstorable('"digits" must be a whole number', { key: 'error_vault_account_whole', subs: ['digits'] });
  if (!isWholeNumber(period)) throw unstorable('"period" must be a whole number of seconds', { key: 'error_vault_account_period' });
  if (!isWholeNumber(counter)) throw unstorable('"counter" must be a whole number from 0 to 2^53-1', { key: 'error_vault_account_counter' });
  return { type, issuer, accountName, secret, algorithm, digits, period, counter } as OtpAccount;
}

/** The refusal of an account the vault cannot keep; `why` says which field is wrong, in English and as a message. */
export function unstorable(why: string, text: ErrorText) {
  return vaultError('vault/bad-account', `The account cannot be stored: ${why}.`, { key: 'error_vault_account_unstorable', subs: [text] });
}

/** Checks that every site is an origin such as https://portal.example.com and returns a copy without repeats. */
export function checkSites(value: unknown): string[] {
  if (!Array.isArray(value) || value.length > MAX_SITES) {
    throw vaultError('vault/bad-site', `Sites must be a list of at most ${MAX_SITES} origins such as https://portal.example.com.`, {
      key: 'error_vault_sites_list',
      subs: [MAX_SITES],
    });
  }
  for (const site of value) {
    let origin: string | undefined;
    try {
      origin = typeof site === 'string' ? new URL(site).origin : undefined;
    } catch {
      origin = undefined;
    }
    const isWeb = origin !== undefined && /^https?:\/\//.test(origin);
    if (!isWeb || origin !== site) {
      throw vaultError(
        'vault/bad-site',
        'A site must be an origin: scheme and host (and port, if any), with no path, such as https://portal.example.com.',
        { key: 'error_vault_site_origin' },
      );
    }
  }
  return [...new Set(value as string[])];
}

/** Validates the stored shape of one vault account, keeping only known fields. */
export function parseVaultAccount(value: unknown): VaultAccount {
  const otp = pickOtpFields(value);
  const record = value as Record<string, unknown>;
  const { id, matchRegistrableDomain, createdAt, updatedAt, order } = record;
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) {
    throw unstorable('"id" must be a non-empty string', { key: 'error_vault_account_id' });
  }
  if (typeof matchRegistrableDomain !== 'boolean') throw unstorable(MATCH_DOMAIN_WHY, MATCH_DOMAIN_TEXT);
  if (!isWholeNumber(createdAt) || !isWholeNumber(updatedAt) || !isWholeNumber(order)) {
    throw unstorable('"createdAt", "updatedAt" and "order" must be whole numbers', { key: 'error_vault_account_times' });
  }
  return { ...otp, id, sites: checkSites(record.sites), matchRegistrableDomain, createdAt, updatedAt, order };
}

/** Why an account with a non-boolean `matchRegistrableDomain` is refused, in English and as a message. */
export const MATCH_DOMAIN_WHY = '"matchRegistrableDomain" must be true or false';
/** The same reason as a message. */
export const MATCH_DOMAIN_TEXT: ErrorText = { key: 'error_vault_account_boolean', subs: ['matchRegistrableDomain'] };

/** Validates decrypted vault contents; a failure means the contents were written by something else. */
export function parseVaultData(value: unknown): VaultData {
  if (!isRecord(value) || !Array.isArray(value.accounts)) {
    throw vaultError('vault/malformed-contents', 'The vault opened but its contents are not a list of accounts; restore from a backup.', {
      key: 'error_vault_contents_not_list',
    });
  }
  try {
    return { accounts: value.accounts.map(parseVaultAccount) };
  } catch (error) {
    if (!(error instanceof PortalError)) {
      throw vaultError('vault/malformed-contents', 'The vault opened but an account in it is malformed; restore from a backup.', {
        key: 'error_vault_contents_account',
      });
    }
    throw vaultError('vault/malformed-contents', `The vault opened but an account in it is malformed (${error.userMessage}); restore from a backup.`, {
      key: 'error_vault_contents_account_why',
      subs: [error.text],
    });
  }
}
