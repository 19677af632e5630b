import { PortalError } from '../../../src/errors';
import { KitError } from './kit-error';
import { normalizeOrigin } from '../../../src/sites/origin-binding';
import { parseOtpauthUri } from '../../../src/otp/otpauth-uri';
import type { AccountInput } from './provision';

/** Raised when the accounts in the environment are missing or malformed; names the variable, never its value. */
export class EnvAccountsError extends KitError {}

const SITES_SUFFIX = '_SITES';

/**
 * Reads accounts from environment variables, for CI secrets: `<prefix><NAME>` holds an `otpauth://` URI and
 * `<prefix><NAME>_SITES` the sites it fills on (comma- or space-separated), e.g. `MFA_ALICE` and `MFA_ALICE_SITES`.
 * Each URI and site is checked here, so a bad one fails before any browser starts, with the variable's name.
 */
export function fromEnv(prefix = 'MFA_', env: Record<string, string | undefined> = process.env): AccountInput[] {
  const names = Object.keys(env)
    .filter((key) => key.startsWith(prefix) && key.length > prefix.length)
    .sort();
  const uriNames = names.filter((key) => !key.endsWith(SITES_SUFFIX));
  for (const key of names.filter((k) => k.endsWith(SITES_SUFFIX))) {
    const uriName = key.slice(0, -SITES_SUFFIX.length);
    if (!uriNames.includes(uriName)) {
      throw new EnvAccountsError('testing/env-missing', `${key} is set but ${uriName} is not: set ${uriName} to the account's otpauth:// URI.`);
    }
  }
  if (uriNames.length === 0) {
    throw new EnvAccountsError(
      'testing/env-missing',
      `No environment variable starts with ${prefix}: set ${prefix}<NAME> to an otpauth:// URI and ${prefix}<NAME>${SITES_SUFFIX} to the sites it fills on.`,
    );
  }
  return uriNames.map((name) => ({ name, uri: readUri(name, env[name]), sites: readSites(`${name}${SITES_SUFFIX}`, env[`${name}${SITES_SUFFIX}`]) }));
}

function readUri(name: string, value: string | undefined): string {
  const uri = (value ?? '').trim();
  if (!uri) throw new EnvAccountsError('testing/env-missing', `${name} is empty: set it to the account's otpauth:// URI.`);
  if (!/^otpauth:\/\//i.test(uri)) {
    throw new EnvAccountsError('testing/env-malformed', `${name} is not an otpauth:// URI (its value is not shown, it may be a secret).`);
  }
  try {
    parseOtpauthUri(uri);
  } catch (error) {
    // The parser's messages never quote the secret; anything else is replaced by a generic line.
    const why = error instanceof PortalError ? error.userMessage : 'it could not be read.';
    throw new EnvAccountsError('testing/env-malformed', `${name} is not a usable otpauth:// URI: ${why}`);
  }
  return uri;
}

function readSites(name: string, value: string | undefined): string[] {
  const sites = (value ?? '').split(/[\s,]+/).filter(Boolean);
  if (sites.length === 0) {
    throw new EnvAccountsError('testing/env-missing', `${name} is not set: list the sites the account fills on, e.g. ${name}=https://portal.example.com.`);
  }
  for (const site of sites) {
    try {
      normalizeOrigin(site);
    } catch (error) {
      const why = error instanceof PortalError ? error.userMessage : 'it is not a web address.';
      throw new EnvAccountsError('testing/env-malformed', `${name} has a site that cannot be used: ${why}`);
    }
  }
  return sites;
}
