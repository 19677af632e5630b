import { BACKUP_RECORD_KEY } from '../storage';
import type { BackgroundContext } from './context';


/** How long "dismiss" quiets the reminder. */
export const REMINDER_QUIET_MS = 7 * 24 * 60 * 60 * 1000;

export interface BackupRecord {
  /** When the last backup or export of every account was made (0: never). */
  lastBackupAt: number;
  /** The reminder stays quiet until then. */
  quietUntil: number;
}

function readNumber(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}

/** The backup record (an invalid one reads as "never backed up, not dismissed"). */
export async function readBackupRecord(context: Pick<BackgroundContext, 'browser'>): Promise<BackupRecord> {
  const stored = (await context.browser.storage.local.get(BACKUP_RECORD_KEY))[BACKUP_RECORD_KEY] as Partial<BackupRecord> | undefined;
  return { lastBackupAt: readNumber(stored?.lastBackupAt), quietUntil: readNumber(stored?.quietUntil) };
}

async function writeRecord(context: BackgroundContext, record: BackupRecord): Promise<void> {
  await context.browser.storage.local.set({ [BACKUP_RECORD_KEY]: record });
}

/** Accounts added since the last backup; 0 when the reminder is quiet (dismissed a while ago, or nothing new). */
export function countUnbackedAccounts(accounts: Array<{ createdAt: number }>, record: BackupRecord, now: number): number {
  if (now < record.quietUntil) return 0;
  return accounts.filter((a) => a.createdAt > record.lastBackupAt).length;
}

/** How many accounts have no backup yet, for the popup's quiet line. */
export async function backupReminder(context: BackgroundContext): Promise<{ count: number }> {
  return { count: countUnbackedAccounts(await context.vault.list(), await readBackupRecord(context), context.now()) };
}

/** Records that every account was just backed up or exported; the reminder goes. */
export async function recordBackup(context: BackgroundContext): Promise<void> {
  await writeRecord(context, { lastBackupAt: context.now(), quietUntil: 0 });
}

/** Quiets the reminder for REMINDER_QUIET_MS; accounts added after that bring it back. */
export async function dismissBackupReminder(context: BackgroundContext): Promise<void> {
  const record = await readBackupRecord(context);
  await writeRecord(context, { ...record, quietUntil: context.now() + REMINDER_QUIET_MS });
}
