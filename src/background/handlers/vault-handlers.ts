import type { Handlers } from './handler-types';

/** Create, unlock, lock and re-key the vault. Extension pages only. */
export const vaultHandlers: Pick<Handlers, 'vault.status' | 'vault.create' | 'vault.unlock' | 'vault.lock' | 'vault.changePassphrase'> = {
  'vault.status': async (_request, { vault }) => ({ state: await vault.status() }),
  'vault.create': async ({ passphrase }, { vault }) => {
    await vault.create(passphrase);
    return { state: await vault.status() };
  },
  'vault.unlock': async ({ passphrase }, { vault }) => {
    await vault.unlock(passphrase);
    return { state: await vault.status() };
  },
  'vault.lock': async (_request, { vault }) => {
    await vault.lock();
    return { state: await vault.status() };
  },
  'vault.changePassphrase': async ({ current, next }, { vault }) => {
    await vault.changePassphrase(current, next);
    return { ok: true };
  },
};
