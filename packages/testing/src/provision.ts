import type { Requester } from './requester';

/** One account to add: its `otpauth://` URI and the sites (origins or host names) it may fill on. */
export interface AccountInput {
  uri: string;
  sites?: string[];
  /** Where the account came from (e.g. the environment variable), named in errors instead of the URI. */
  name?: string;
}

/** Accounts and passphrase for {@link provisionVault}. */
export interface ProvisionOptions {
  passphrase: string;
  accounts?: AccountInput[];
}

/**
 * Creates or unlocks the vault and adds the accounts, leaving it unlocked with default settings so autofill works.
 * An account with the same issuer and name as one already in the vault replaces it, so provisioning a kept profile
 * again does not pile up copies (and a rotated secret takes effect).
 */
export async function provisionVault(request: Requester, options: ProvisionOptions): Promise<void> {
  const { state } = await request({ type: 'vault.status' });
  if (state === 'uninitialised') await request({ type: 'vault.create', passphrase: options.passphrase });
  else if (state === 'locked') await request({ type: 'vault.unlock', passphrase: options.passphrase });
  for (const [index, input] of (options.accounts ?? []).entries()) {
    const { account } = await request({ type: 'accounts.addUri', uri: input.uri, sites: input.sites ?? [] }).catch((error: Error) => {
      throw new Error(`Account ${input.name ?? `#${index + 1}`} could not be added: ${error.message}`);
    });
    const { accounts } = await request({ type: 'accounts.list' });
    for (const older of accounts) {
      if (older.id !== account.id && older.issuer === account.issuer && older.accountName === account.accountName) {
        await request({ type: 'accounts.remove', id: older.id });
      }
    }
  }
}
