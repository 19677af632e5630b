import { MAX_IDLE_MINUTES } from '../vault/auto-lock';
import { DEFAULT_MIN_PASSPHRASE_LENGTH, KDF_FLOOR, KDF_POLICY_CAP } from '../vault/kdf';

/**
 * The organisation's managed settings (`storage.managed`), after validation. A key that is absent was not set;
 * absent keys leave the user's own choice alone. An invalid value is present as its strictest reading.
 */
export interface ManagedPolicy {
  /** Origins (`https://portal.example.com`) or patterns (`https://*.example.com`), normalised; codes are filled only there. An empty list allows no site. */
  allowedSites?: string[];
  /** Upper bound on the idle auto-lock delay, in minutes; "only when the browser closes" counts as longer than any bound. */
  maxAutoLockMinutes?: number;
  /** Minimum length of a new vault or backup passphrase, in characters (code points after NFC). */
  minPassphraseLength?: number;
  /** false forbids exports that reveal secrets in the clear (Aegis JSON and otpauth links files, per-account and migration QR codes). */
  allowPlainExport?: boolean;
  /** false forces "submit the form after filling" off. */
  allowAutoSubmit?: boolean;
  /** Forces automatic fill on bound sites on or off. */
  autoFill?: boolean;
  /** Minimum Argon2id memory (KiB) for newly written vaults and backups. */
  minKdfMemoryKiB?: number;
  /** Minimum Argon2id passes for newly written vaults and backups. */
  minKdfIterations?: number;
  /** false forbids adding passkeys and unlocking with the ones already added (the background refuses both). */
  allowPasskeyUnlock?: boolean;
  /** true requires the authenticator to verify the person (PIN, biometrics) whenever a passkey is added or unlocks. */
  requirePasskeyUserVerification?: boolean;
  /** The backup reminder: never shown, the quiet dismissible line, or a line that stays until a backup is made. */
  backupReminder?: BackupReminderMode;
}

/** How the popup reminds of accounts without a backup: `off` never, `on` a quiet line that can be put off for a week, `insist` one that cannot. */
export type BackupReminderMode = 'off' | 'on' | 'insist';

/** The values of the `backupReminder` policy, the mildest first. */
export const BACKUP_REMINDER_MODES = ['off', 'on', 'insist'] as const satisfies readonly BackupReminderMode[];

/** Every key a policy may contain, in the order the documentation lists them. */
export const POLICY_KEYS = [
  'allowedSites',
  'maxAutoLockMinutes',
  'minPassphraseLength',
  'allowPlainExport',
  'allowAutoSubmit',
  'autoFill',
  'minKdfMemoryKiB',
  'minKdfIterations',
  'allowPasskeyUnlock',
  'requirePasskeyUserVerification',
  'backupReminder',
] as const satisfies ReadonlyArray<keyof ManagedPolicy>;

export type PolicyKey = (typeof POLICY_KEYS)[number];

/**
 * Inclusive ranges of the integer policies (public/managed-schema.json names them in each description but leaves
 * the checking to the extension, see parsePolicy), and which end is the stricter one.
 */
export const POLICY_INTEGER_RANGES = {
  // 0 is no bound at all ("never lock on idle"); leave the key unset to mean that.
  maxAutoLockMinutes: { min: 1, max: MAX_IDLE_MINUTES, strict: 'lower' },
  minPassphraseLength: { min: DEFAULT_MIN_PASSPHRASE_LENGTH, max: 128, strict: 'higher' },
  minKdfMemoryKiB: { min: KDF_FLOOR.m, max: KDF_POLICY_CAP.m, strict: 'higher' },
  minKdfIterations: { min: KDF_FLOOR.t, max: KDF_POLICY_CAP.t, strict: 'higher' },
} as const;

/** The boolean policies. */
export const POLICY_BOOLEAN_KEYS = ['allowPlainExport', 'allowAutoSubmit', 'autoFill', 'allowPasskeyUnlock', 'requirePasskeyUserVerification'] as const;

/** The value of each boolean policy that restricts: what an invalid value is read as (fail closed). */
export const POLICY_BOOLEAN_STRICT: Readonly<Record<(typeof POLICY_BOOLEAN_KEYS)[number], boolean>> = Object.freeze({
  allowPlainExport: false,
  allowAutoSubmit: false,
  autoFill: false,
  allowPasskeyUnlock: false,
  requirePasskeyUserVerification: true,
});

/** The policy of an unmanaged browser: nothing set. */
export const EMPTY_POLICY: Readonly<ManagedPolicy> = Object.freeze({});
