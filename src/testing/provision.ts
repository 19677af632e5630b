import type { RequestOf, RequestType, Responses } from '../messages';

/** Accounts and passphrase for {@link provisionVault}. */
export interface ProvisionOptions {
  passphrase: string;
  accounts?: Array<{ uri: string; sites?: string[] }>;
}

type Requester = <T extends RequestType>(request: RequestOf<T>) => Promise<Responses[T]>;

/** Creates or unlocks the vault and adds the accounts, leaving it unlocked with default settings so autofill works. */
export async function provisionVault(request: Requester, options: ProvisionOptions): Promise<void> {
  const { state } = await request({ type: 'vault.status' });
  if (state === 'uninitialised') await request({ type: 'vault.create', passphrase: options.passphrase });
  else if (state === 'locked') await request({ type: 'vault.unlock', passphrase: options.passphrase });
  for (const account of options.accounts ?? []) {
    await request({ type: 'accounts.addUri', uri: account.uri, sites: account.sites ?? [] });
  }
}
