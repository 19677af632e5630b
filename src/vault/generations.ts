import { canonicalJson } from './bytes';
import { vaultError } from './errors';
import { type StorageAreaLike, VAULT_KEY, VAULT_NEXT_KEY } from '../storage';

// Each storage step in English and the message saying it failed.
const STEPS = {
  read: ['read', 'error_vault_storage_read'],
  write: ['write', 'error_vault_storage_write'],
  'read back': ['read back', 'error_vault_storage_read_back'],
} as const;

async function guard<T>(step: keyof typeof STEPS, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    // The browser's own words, which only it knows how to say: they go into the message as they are.
    const reason = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
    const [english, key] = STEPS[step];
    throw vaultError('vault/storage-failed', `Could not ${english} the vault in browser storage (${reason}). The last saved vault is kept; try again.`, {
      key,
      subs: [reason],
    });
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
  throw vaultError('vault/save-failed', 'The browser did not store the vault as written. The last saved vault is kept; try again.', { key: 'error_vault_save_failed' });
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
    throw vaultError('vault/uninitialised', 'No vault has been set up yet; choose a passphrase to create one.', { key: 'error_vault_uninitialised' });
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
