import { describe, expect, it } from 'vitest';
import { type BackupRecord, decideBackupReminder, REMINDER_QUIET_MS, reminderMode } from '../../src/background/backup-reminder';
import type { BackupReminderMode } from '../../src/policy';

const DAY = 24 * 60 * 60 * 1000;
const NOW = 1_700_000_000_000;
/** Three accounts: two added before the last backup (a day ago), one after it (an hour ago). */
const ACCOUNTS = [{ createdAt: NOW - 3 * DAY }, { createdAt: NOW - 2 * DAY }, { createdAt: NOW - DAY / 24 }];
const NEVER: BackupRecord = { lastBackupAt: 0, quietUntil: 0 };
const BACKED_UP: BackupRecord = { lastBackupAt: NOW - DAY, quietUntil: 0 };
const PUT_OFF: BackupRecord = { lastBackupAt: NOW - DAY, quietUntil: NOW + DAY };

describe('decideBackupReminder', () => {
  it.each<[string, BackupReminderMode, BackupRecord, number, { count: number; insist: boolean }]>([
    ['off says nothing, whatever has no backup', 'off', NEVER, NOW, { count: 0, insist: false }],
    ['off says nothing after a backup either', 'off', BACKED_UP, NOW, { count: 0, insist: false }],
    ['on counts every account when none was ever backed up', 'on', NEVER, NOW, { count: 3, insist: false }],
    ['on counts only the accounts added since the last backup', 'on', BACKED_UP, NOW, { count: 1, insist: false }],
    ['on is quiet while put off', 'on', PUT_OFF, NOW, { count: 0, insist: false }],
    ['on is quiet up to the last moment of the quiet time', 'on', PUT_OFF, NOW + DAY - 1, { count: 0, insist: false }],
    ['on speaks again once the quiet time is over', 'on', PUT_OFF, NOW + DAY, { count: 1, insist: false }],
    ['insist counts like on', 'insist', BACKED_UP, NOW, { count: 1, insist: true }],
    ['insist is not put off by an earlier "Not now"', 'insist', PUT_OFF, NOW, { count: 1, insist: true }],
    ['insist says nothing when every account has a backup', 'insist', { lastBackupAt: NOW, quietUntil: 0 }, NOW, { count: 0, insist: true }],
  ])('%s', (_name, mode, record, now, expected) => {
    expect(decideBackupReminder({ accounts: ACCOUNTS, record, mode, now })).toEqual(expected);
  });

  it('an account added in the same millisecond as the backup is in it', () => {
    expect(decideBackupReminder({ accounts: [{ createdAt: NOW }], record: { lastBackupAt: NOW, quietUntil: 0 }, mode: 'on', now: NOW }).count).toBe(0);
  });

  it('"Not now" is a week', () => {
    expect(REMINDER_QUIET_MS).toBe(7 * DAY);
  });
});

describe('reminderMode', () => {
  it.each<[BackupReminderMode | undefined, boolean, BackupReminderMode]>([
    [undefined, true, 'on'],
    [undefined, false, 'off'],
    ['off', true, 'off'],
    ['on', false, 'on'],
    ['insist', false, 'insist'],
    ['insist', true, 'insist'],
  ])('policy %s, user switch %s: %s', (policy, switched, expected) => {
    expect(reminderMode(policy === undefined ? {} : { backupReminder: policy }, { backupReminder: switched })).toBe(expected);
  });
});
