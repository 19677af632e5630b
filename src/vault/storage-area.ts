/** The part of `browser.storage.local` / `storage.session` the vault uses; WXT's fake browser satisfies it too. */
export interface StorageAreaLike {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** Local-storage key of the committed vault generation. */
export const VAULT_KEY = 'vault';
/** Local-storage key of a generation being written; kept until `vault` holds a verified copy. */
export const VAULT_NEXT_KEY = 'vault.next';
/** Session-storage key of the raw data key (base64) while unlocked. */
export const SESSION_KEY = 'vault.key';
/** Session-storage key of the last activity time (ms since epoch), for auto-lock. */
export const SESSION_ACTIVITY_KEY = 'vault.lastActivity';
/** Session-storage key of the revision of the vault last opened or written while unlocked (rollback check). */
export const SESSION_REVISION_KEY = 'vault.revision';
