import { parsePolicy, type ParsedPolicy } from './parse-policy';

/** The part of `browser.storage.managed` this reads. */
export interface ManagedStorageLike {
  get(keys?: null): Promise<Record<string, unknown>>;
}

/**
 * Errors that only mean "no policy installed": Firefox throws "Managed storage manifest not found" when no
 * policies.json / native manifest provides one (bugzil.la/1868153), and some builds have no managed area.
 */
const NOT_MANAGED = [/managed storage manifest not found/i, /storage\.managed is (not available|undefined)/i, /not supported/i];

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return '';
}

/**
 * Reads and validates the organisation's policy from `browser.storage.managed`. An unmanaged browser (no managed
 * area, or Firefox's "manifest not found") gives an empty policy without warnings; any other failure gives an
 * empty policy with a warning saying the policy could not be read. Never throws.
 */
export async function readManagedPolicy(storageManaged: ManagedStorageLike | undefined): Promise<ParsedPolicy> {
  if (!storageManaged || typeof storageManaged.get !== 'function') return { policy: {}, warnings: [] };
  let raw: unknown;
  try {
    raw = await storageManaged.get(null);
  } catch (error) {
    const message = messageOf(error);
    if (NOT_MANAGED.some((pattern) => pattern.test(message))) return { policy: {}, warnings: [] };
    const detail = message ? ` (${message.slice(0, 200)})` : '';
    return {
      policy: {},
      warnings: [`The organisation policy could not be read${detail}; no managed settings are applied. Check the browser's policy page (chrome://policy or about:policies).`],
    };
  }
  return parsePolicy(raw);
}
