import type { BackupReminderView, Settings } from '../messages';
import { type BackupReminderMode, type ManagedPolicy, PolicyError } from '../policy';
import { BACKUP_RECORD_KEY } from '../storage';
import type { BackgroundContext } from './context';

/** How long "Not now" quiets the reminder. */
export const REMINDER_QUIET_MS = 7 * 24 * 60 * 60 * 1000;

export interface BackupRecord {
  /** When the last backup or export of every account was made (0: never). */
  lastBackupAt: number;
  /** The reminder stays quiet until then. */
  quietUntil: number;
}

/** What the reminder is decided from; `now` is the clock, given so the decision is the same in tests and in use. */
export interface ReminderInput {
  accounts: ReadonlyArray<{ createdAt: number }>;
  record: BackupRecord;
  mode: BackupReminderMode;
  now: number;
}

function readNumber(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}

/** The mode in force: the organisation's when it set one, else the user's switch (on by default). */
export function reminderMode(policy: ManagedPolicy, settings: Pick<Settings, 'backupReminder'>): BackupReminderMode {
  return policy.backupReminder ?? (settings.backupReminder ? 'on' : 'off');
}

/**
 * What the reminder says: how many accounts were added since the last backup, and whether it may be put off.
 * `off` says nothing; `on` is quiet until `quietUntil`; `insist` ignores "Not now" (it cannot be given) and stays
 * until a backup is made.
 */
export function decideBackupReminder({ accounts, record, mode, now }: ReminderInput): BackupReminderView {
  if (mode === 'off') return { count: 0, insist: false };
  const insist = mode === 'insist';
  if (!insist && now < record.quietUntil) return { count: 0, insist };
  return { count: accounts.filter((a) => a.createdAt > record.lastBackupAt).length, insist };
}

/** The backup record (an invalid one reads as "never backed up, not dismissed"). */
export async function readBackupRecord(context: Pick<BackgroundContext, 'browser'>): Promise<BackupRecord> {
  const stored = (await context.browser.storage.local.get(BACKUP_RECORD_KEY))[BACKUP_RECORD_KEY] as Partial<BackupRecord> | undefined;
  return { lastBackupAt: readNumber(stored?.lastBackupAt), quietUntil: readNumber(stored?.quietUntil) };
}

async function writeRecord(context: BackgroundContext, record: BackupRecord): Promise<void> {
  await context.browser.storage.local.set({ [BACKUP_RECORD_KEY]: record });
}

async function modeInForce(context: BackgroundContext): Promise<BackupReminderMode> {
  const [{ policy }, settings] = await Promise.all([context.policy(), context.settings.get()]);
  return reminderMode(policy, settings);
}

/** The reminder for these accounts (the caller has them already), for the popup's line and the options page. */
export async function backupReminderFor(context: BackgroundContext, accounts: ReadonlyArray<{ createdAt: number }>): Promise<BackupReminderView> {
  const [record, mode] = await Promise.all([readBackupRecord(context), modeInForce(context)]);
  return decideBackupReminder({ accounts, record, mode, now: context.now() });
}

/** The reminder for the vault's accounts. */
export async function backupReminder(context: BackgroundContext): Promise<BackupReminderView> {
  return backupReminderFor(context, await context.vault.list());
}

/** Records that every account was just backed up or exported; the reminder goes. */
export async function recordBackup(context: BackgroundContext): Promise<void> {
  await writeRecord(context, { lastBackupAt: context.now(), quietUntil: 0 });
}

/** Quiets the reminder for REMINDER_QUIET_MS; accounts added after that bring it back. Refused when the policy insists. */
export async function dismissBackupReminder(context: BackgroundContext): Promise<void> {
  if ((await modeInForce(context)) === 'insist') {
    throw new PolicyError(
      'policy/reminder-insists',
      'Your organisation asks that every account has a backup, so this reminder cannot be put off. Make an encrypted backup in Options → Export.',
      { key: 'error_backup_reminder_insists' },
    );
  }
  const record = await readBackupRecord(context);
  await writeRecord(context, { ...record, quietUntil: context.now() + REMINDER_QUIET_MS });
}
