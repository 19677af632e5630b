import { PortalError } from '../errors';
import {
  BACKUP_REMINDER_MODES,
  type BackupReminderMode,
  type ManagedPolicy,
  POLICY_BOOLEAN_KEYS,
  POLICY_BOOLEAN_STRICT,
  POLICY_INTEGER_RANGES,
  POLICY_KEYS,
} from './policy-types';
import { parseSitePattern } from '../sites/policy-pattern';

/** A validated policy and one warning per value that was invalid (and what applies instead) or unknown. */
export interface ParsedPolicy {
  policy: ManagedPolicy;
  warnings: string[];
}

const MAX_SITES = 1000;

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `a value of type ${typeof value}`;
}

/**
 * Integer policies fail closed: a number outside the range is moved to the nearest bound (a whole number, rounded
 * the stricter way), anything else applies the strictest value, because ignoring the value would silently lift a
 * restriction the organisation meant to impose.
 */
function parseInteger(key: keyof typeof POLICY_INTEGER_RANGES, value: unknown, warnings: string[]): number {
  const { min, max, strict } = POLICY_INTEGER_RANGES[key];
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  const strictest = strict === 'lower' ? min : max;
  const applied =
    typeof value === 'number' && !Number.isNaN(value)
      ? Math.min(max, Math.max(min, strict === 'lower' ? Math.floor(value) : Math.ceil(value)))
      : strictest;
  const extra =
    key === 'maxAutoLockMinutes' && value === 0
      ? ' 0 would mean "never lock on idle", which is no limit: leave the policy unset for that.'
      : '';
  warnings.push(
    `Policy "${key}": ${describeValue(value)} is not a whole number from ${min} to ${max}, so ${applied} applies until it is fixed.${extra}`,
  );
  return applied;
}

/**
 * Boolean policies fail closed too: an invalid value reads as the restriction (no plain export, no auto-submit, no
 * automatic fill, no passkey unlock; user verification required).
 */
function parseBoolean(key: (typeof POLICY_BOOLEAN_KEYS)[number], value: unknown, warnings: string[]): boolean {
  if (typeof value === 'boolean') return value;
  const strict = POLICY_BOOLEAN_STRICT[key];
  warnings.push(`Policy "${key}": ${describeValue(value)} is not true or false, so ${strict} applies until it is fixed.`);
  return strict;
}

/**
 * The backup reminder fails closed too: a value that is not one of its words applies `insist`, the reading that
 * loses no backup, since the organisation set the key to have a say in it.
 */
function parseBackupReminder(value: unknown, warnings: string[]): BackupReminderMode {
  if ((BACKUP_REMINDER_MODES as readonly unknown[]).includes(value)) return value as BackupReminderMode;
  warnings.push(`Policy "backupReminder": ${describeValue(value)} is not one of ${BACKUP_REMINDER_MODES.map((m) => `"${m}"`).join(', ')}, so "insist" applies until it is fixed.`);
  return 'insist';
}

/**
 * The allow-list fails closed: a list with no usable entry, or a value that is not a list, allows no site,
 * because ignoring it would silently lift a restriction the organisation meant to impose.
 */
function parseAllowedSites(value: unknown, warnings: string[]): string[] {
  if (!Array.isArray(value)) {
    warnings.push(
      `Policy "allowedSites" must be a list of sites such as ["https://portal.example.com", "https://*.example.com"], ` +
        `not ${describeValue(value)}. Until it is fixed, codes are not filled into any site.`,
    );
    return [];
  }
  const sites: string[] = [];
  value.forEach((entry, index) => {
    if (index >= MAX_SITES) {
      if (index === MAX_SITES) warnings.push(`Policy "allowedSites": only the first ${MAX_SITES} entries are used.`);
      return;
    }
    if (typeof entry !== 'string') {
      warnings.push(`Policy "allowedSites" entry ${index + 1} was ignored: ${describeValue(entry)} is not a site address.`);
      return;
    }
    try {
      const { text } = parseSitePattern(entry);
      if (!sites.includes(text)) sites.push(text);
    } catch (error) {
      const why = error instanceof PortalError ? error.userMessage : 'it could not be read.';
      warnings.push(`Policy "allowedSites" entry ${index + 1} (${describeValue(entry)}) was ignored: ${why}`);
    }
  });
  if (sites.length === 0) {
    warnings.push('Policy "allowedSites" contains no usable site, so codes are not filled into any site. Remove the policy to allow every bound site.');
  }
  return sites;
}

/**
 * Validates the raw contents of `storage.managed`. Never throws: each invalid value is replaced by the strictest
 * reading of it, with a warning naming the key, what was wrong, what is valid and what applies meanwhile; unknown
 * keys are reported too.
 */
export function parsePolicy(raw: unknown): ParsedPolicy {
  const warnings: string[] = [];
  const policy: ManagedPolicy = {};
  if (raw === undefined || raw === null) return { policy, warnings };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    warnings.push(`The managed policy must be a set of named values, not ${describeValue(raw)}; it was ignored.`);
    return { policy, warnings };
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!(POLICY_KEYS as readonly string[]).includes(key)) {
      warnings.push(`Unknown policy "${key.slice(0, 60)}" was ignored. Known policies: ${POLICY_KEYS.join(', ')}.`);
      continue;
    }
    if (value === undefined) continue;
    if (key === 'allowedSites') {
      policy.allowedSites = parseAllowedSites(value, warnings);
    } else if (key === 'backupReminder') {
      policy.backupReminder = parseBackupReminder(value, warnings);
    } else if (key in POLICY_INTEGER_RANGES) {
      const rangeKey = key as keyof typeof POLICY_INTEGER_RANGES;
      policy[rangeKey] = parseInteger(rangeKey, value, warnings);
    } else if ((POLICY_BOOLEAN_KEYS as readonly string[]).includes(key)) {
      const boolKey = key as (typeof POLICY_BOOLEAN_KEYS)[number];
      policy[boolKey] = parseBoolean(boolKey, value, warnings);
    }
  }
  return { policy, warnings };
}
