import { PortalError } from '../errors';
import {
  type ManagedPolicy,
  POLICY_BOOLEAN_KEYS,
  POLICY_INTEGER_RANGES,
  POLICY_KEYS,
} from './policy-types';
import { parseSitePattern } from './site-pattern';

/** A validated policy and one warning per value that was ignored. */
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

function parseInteger(key: keyof typeof POLICY_INTEGER_RANGES, value: unknown, warnings: string[]): number | undefined {
  const { min, max } = POLICY_INTEGER_RANGES[key];
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  const extra =
    key === 'maxAutoLockMinutes' && value === 0
      ? ' 0 would mean "never lock on idle", which is no limit: leave the policy unset for that.'
      : '';
  warnings.push(`Policy "${key}" was ignored: ${describeValue(value)} is not a whole number from ${min} to ${max}.${extra}`);
  return undefined;
}

function parseBoolean(key: string, value: unknown, warnings: string[]): boolean | undefined {
  if (typeof value === 'boolean') return value;
  warnings.push(`Policy "${key}" was ignored: ${describeValue(value)} is not true or false.`);
  return undefined;
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
 * Validates the raw contents of `storage.managed`. Never throws: each invalid value is left out with a warning
 * naming the key, what was wrong and what is valid; unknown keys are reported too.
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
    } else if (key in POLICY_INTEGER_RANGES) {
      const rangeKey = key as keyof typeof POLICY_INTEGER_RANGES;
      const parsed = parseInteger(rangeKey, value, warnings);
      if (parsed !== undefined) policy[rangeKey] = parsed;
    } else if ((POLICY_BOOLEAN_KEYS as readonly string[]).includes(key)) {
      const boolKey = key as (typeof POLICY_BOOLEAN_KEYS)[number];
      const parsed = parseBoolean(boolKey, value, warnings);
      if (parsed !== undefined) policy[boolKey] = parsed;
    }
  }
  return { policy, warnings };
}
