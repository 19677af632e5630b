import { canonicalJson } from './bytes';
import { vaultError } from './errors';
import { type StorageAreaLike, VAULT_KEY, VAULT_NEXT_KEY } from '../storage';

async function guard<T>(step: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
    throw vaultError('vault/storage-failed', `Could not ${step} the vault in browser storage (${reason}). The last saved vault is kept; try again.`);
  }
}

/**
 * Writes one key and reads it back. A write that reports an error but did land counts as done, so the caller is
 * never told "failed" about a vault that was in fact committed (e.g. a passphrase change that took effect).
 */
async function writeAndReadBack(area: StorageAreaLike, key: string, value: unknown): Promise<unknown> {
  const writeError = await area.set({ [key]: value }).then(() => undefined, (error: unknown) => error ?? new Error('write failed'));
  const stored = (await guard('read back', () => area.get(key)))[key];
  if (canonicalJson(stored) === canonicalJson(value)) return stored;
  if (writeError !== undefined) return guard('write', () => Promise.reject(writeError));
  throw vaultError('vault/save-failed', 'The browser did not store the vault as written. The last saved vault is kept; try again.');
}

/** True when either generation is present in `area`. */
export async function hasGeneration(area: StorageAreaLike): Promise<boolean> {
  const stored = await guard('read', () => area.get([VAULT_KEY, VAULT_NEXT_KEY]));
  return stored[VAULT_KEY] !== undefined || stored[VAULT_NEXT_KEY] !== undefined;
}

/**
 * Saves `envelope` so that an interruption at any step leaves a readable vault, old or new:
 * write `vault.next`, read it back and `verify` it decrypts, write `vault`, read that back, then drop `vault.next`.
 */
export async function saveGeneration(area: StorageAreaLike, envelope: unknown, verify: (stored: unknown) => Promise<void>): Promise<void> {
  await verify(await writeAndReadBack(area, VAULT_NEXT_KEY, envelope));
  await writeAndReadBack(area, VAULT_KEY, envelope);
  try {
    await area.remove(VAULT_NEXT_KEY);
  } catch {
    // The save is already committed and verified in `vault`; a leftover identical `vault.next` is harmless
    // and is overwritten by the next save.
  }
}

/**
 * Opens the committed generation, falling back to `vault.next` when `vault` is missing or `mayFallBack(error)`
 * allows it (damage, not a wrong passphrase). If both fail, the error of the committed generation is thrown.
 */
export async function loadGeneration<T>(
  area: StorageAreaLike,
  open: (stored: unknown) => Promise<T>,
  mayFallBack: (error: unknown) => boolean,
): Promise<T> {
  const stored = await guard('read', () => area.get([VAULT_KEY, VAULT_NEXT_KEY]));
  const current = stored[VAULT_KEY];
  const next = stored[VAULT_NEXT_KEY];
  if (current === undefined && next === undefined) {
    throw vaultError('vault/uninitialised', 'No vault has been set up yet; choose a passphrase to create one.');
  }
  if (current === undefined) return open(next);
  try {
    return await open(current);
  } catch (error) {
    if (next === undefined || !mayFallBack(error)) throw error;
    try {
      return await open(next);
    } catch {
      throw error;
    }
  }
}
