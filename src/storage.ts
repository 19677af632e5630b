// Every storage key the extension uses, and the shapes of the storage areas its modules take: one home, so a new
// key cannot collide with an old one and a reader can see at a glance what is kept where (docs/architecture.md).

/** The reading and writing part of a storage area (browser.storage.local or .session, or a fake in tests). */
export interface KeyValueArea {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** A storage area as the vault uses it; WXT's fake browser satisfies it too. */
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

// storage.local — readable and writable by content scripts too: nothing secret, everything checked when read.
/** The hashed index of bound sites (not secret). */
export const SITE_INDEX_KEY = 'siteIndex';
/** The user's settings. */
export const SETTINGS_KEY = 'settings';
/** Per-portal clock offsets learnt from refused codes. */
export const CLOCK_OFFSETS_KEY = 'clockOffsets';
/** The last backup and a dismissed reminder (two times). */
export const BACKUP_RECORD_KEY = 'backupRecord';
/** What the vault's last save wrote (its revision and how many accounts) and a loss noticed since; no names, no secrets. */
export const VAULT_RECORD_KEY = 'vaultRecord';
/** The diagnostics switch; content scripts read it before reporting a decision. */
export const DECISION_RECORDING_KEY = 'recordDecisions';

// storage.session — trusted contexts only, gone when the browser closes.
/** The last managed policy read, applied when a later read fails. */
export const POLICY_LAST_KNOWN_KEY = 'policy.lastKnown';
/** The key that seals pending scans and imports, and the prefix of their entries. */
export const PENDING_SEAL_KEY = 'pendingKey';
export const PENDING_PREFIX = 'pending:';
/** The diagnostics log of fill decisions. */
export const DECISION_LOG_KEY = 'decisionLog';
/** Accounts just captured from a set-up page, per tab and site. */
export const RECENT_CAPTURES_KEY = 'recentCaptures';
/** Replay guard: steps submitted per site, codes handed to frames, recent submissions, refused steps. */
export const FILLED_STEPS_KEY = 'filledSteps';
export const HANDED_OUT_KEY = 'handedOutSteps';
export const SUBMITTED_CODES_KEY = 'submittedCodes';
export const REFUSED_STEPS_KEY = 'refusedSteps';
