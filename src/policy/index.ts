/** Public surface of the organisation's managed policy: read, validate, apply. */
export { PolicyError } from './errors';
export { BACKUP_REMINDER_MODES, type BackupReminderMode, EMPTY_POLICY, POLICY_KEYS, POLICY_INTEGER_RANGES, type ManagedPolicy, type PolicyKey } from './policy-types';
export { parsePolicy, type ParsedPolicy } from './parse-policy';
export { readManagedPolicy, type ManagedStorageLike } from './read-policy';
export { matchSitePattern, parseSitePattern, type SitePattern } from '../sites/policy-pattern';
export {
  allowedAutoLockChoices,
  applyPolicy,
  checkPassphraseAgainstPolicy,
  effectiveKdfParams,
  effectiveMinPassphraseLength,
  isPlainExportAllowed,
  isSiteAllowedByPolicy,
  passkeyPolicy,
  requirePasskeyAllowed,
  requirePlainExportAllowed,
  type PasskeyPolicy,
  type AppliedPolicy,
  type PolicyLocks,
} from './apply-policy';
