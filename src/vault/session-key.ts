import { type Bytes, decodeBase64, encodeBase64 } from './bytes';
import { DATA_KEY_BYTES } from './envelope';
import { vaultError } from './errors';
import { SESSION_ACTIVITY_KEY, SESSION_KEY, SESSION_REVISION_KEY, type StorageAreaLike } from '../storage';

function lockedError() {
  return vaultError('vault/locked', 'The vault is locked; unlock it with your passphrase first.', { key: 'error_locked' });
}

/**
 * Reads the data key kept in session storage while unlocked. Session storage (not a module variable) is the
 * only place it lives, so a restarted service worker stays unlocked and `lock()` forgets it everywhere at once.
 */
export async function readSessionKey(session: StorageAreaLike): Promise<Bytes> {
  const stored = (await session.get(SESSION_KEY))[SESSION_KEY];
  if (typeof stored !== 'string') throw lockedError();
  try {
    const key = decodeBase64(stored, SESSION_KEY);
    if (key.length === DATA_KEY_BYTES) return key;
  } catch {
    // A malformed session entry cannot decrypt anything; treat it as locked.
  }
  throw lockedError();
}

/** True when a data key is held in session storage. */
export async function hasSessionKey(session: StorageAreaLike): Promise<boolean> {
  return typeof (await session.get(SESSION_KEY))[SESSION_KEY] === 'string';
}

/** Stores the data key and the activity time that starts the idle clock. */
export async function writeSessionKey(session: StorageAreaLike, key: Bytes, now: number): Promise<void> {
  await session.set({ [SESSION_KEY]: encodeBase64(key), [SESSION_ACTIVITY_KEY]: now });
}

/** Forgets the data key, the activity time and the revision seen. */
export async function clearSessionKey(session: StorageAreaLike): Promise<void> {
  await session.remove([SESSION_KEY, SESSION_ACTIVITY_KEY, SESSION_REVISION_KEY]);
}

/** The highest vault revision seen since the unlock; 0 before any. */
export async function readSeenRevision(session: StorageAreaLike): Promise<number> {
  const value = (await session.get(SESSION_REVISION_KEY))[SESSION_REVISION_KEY];
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : 0;
}

/** Remembers the vault revision opened or written while unlocked. */
export async function writeSeenRevision(session: StorageAreaLike, revision: number): Promise<void> {
  await session.set({ [SESSION_REVISION_KEY]: revision });
}

/** Last recorded activity (ms since epoch), if any. */
export async function readLastActivity(session: StorageAreaLike): Promise<number | undefined> {
  const value = (await session.get(SESSION_ACTIVITY_KEY))[SESSION_ACTIVITY_KEY];
  return typeof value === 'number' ? value : undefined;
}

/** Records activity now; does nothing while locked, since there is no idle clock to reset. */
export async function recordActivity(session: StorageAreaLike, now: number): Promise<void> {
  if (await hasSessionKey(session)) await session.set({ [SESSION_ACTIVITY_KEY]: now });
}
