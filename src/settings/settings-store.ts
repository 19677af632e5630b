import { ProtocolError } from '../errors';
import { DEFAULT_SETTINGS, type EffectiveSettings, type Settings } from '../messages';
import { allowedAutoLockChoices, applyPolicy, isPlainExportAllowed, type ParsedPolicy } from '../policy';
import { SETTINGS_KEY as KEY, type KeyValueArea } from '../storage';
import { MAX_IDLE_MINUTES } from '../vault/auto-lock';

/** Auto-lock delays offered to users, in minutes (0 = only when the browser closes). */
export const AUTO_LOCK_CHOICES = [0, 1, 5, 15, 60, 240];

/** Checks a partial settings change, throwing a ProtocolError that says which value is wrong. */
export function validateSettings(patch: Partial<Settings>, autoLockChoices: readonly number[] = AUTO_LOCK_CHOICES): Partial<Settings> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new ProtocolError('settings/bad-value', 'Settings must be given as named values, e.g. { autoFill: true }.', { key: 'error_settings_not_named' });
  }
  const out: Partial<Settings> = {};
  for (const [key, value] of Object.entries(patch) as Array<[keyof Settings, unknown]>) {
    if (key === 'autoFill' || key === 'autoSubmit' || key === 'backupReminder') {
      if (typeof value !== 'boolean') throw new ProtocolError('settings/bad-value', `${key} must be on or off.`, { key: 'error_settings_on_off', subs: [key] });
      out[key] = value;
    } else if (key === 'freshnessSeconds') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 20) {
        throw new ProtocolError('settings/bad-value', 'The fresh-code wait must be a whole number of seconds from 0 to 20.', { key: 'error_settings_freshness' });
      }
      out[key] = value;
    } else if (key === 'autoLockMinutes') {
      if (typeof value !== 'number' || !autoLockChoices.includes(value)) {
        throw new ProtocolError('settings/bad-value', `Auto-lock must be one of ${autoLockChoices.join(', ')} minutes (0 = when the browser closes).`, {
          key: 'error_settings_autolock',
          subs: [autoLockChoices.join(', ')],
        });
      }
      out[key] = value;
    } else {
      throw new ProtocolError('settings/unknown', `There is no setting called "${String(key)}".`, { key: 'error_settings_unknown', subs: [String(key)] });
    }
  }
  return out;
}

/**
 * The user's stored settings, each checked as it is read: `storage.local` is open to content scripts, so what is
 * there may not have been written by the options page. A missing value is the default; an invalid one is the
 * strictest (off; the shortest auto-lock) — the policy's bounds are applied over it by the caller.
 */
export function readStoredSettings(saved: unknown): Settings {
  const record = (typeof saved === 'object' && saved !== null && !Array.isArray(saved) ? saved : {}) as Record<string, unknown>;
  const pick = <K extends keyof Settings>(key: K, valid: (value: unknown) => boolean, strictest: Settings[K]): Settings[K] => {
    if (!Object.hasOwn(record, key)) return DEFAULT_SETTINGS[key];
    return valid(record[key]) ? (record[key] as Settings[K]) : strictest;
  };
  const isBoolean = (value: unknown) => typeof value === 'boolean';
  const isWhole = (min: number, max: number) => (value: unknown) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
  return {
    autoFill: pick('autoFill', isBoolean, false),
    autoSubmit: pick('autoSubmit', isBoolean, false),
    // Not a security bound: an unreadable margin is the default one.
    freshnessSeconds: pick('freshnessSeconds', isWhole(0, 20), DEFAULT_SETTINGS.freshnessSeconds),
    autoLockMinutes: pick('autoLockMinutes', isWhole(0, MAX_IDLE_MINUTES), 1),
    // Unreadable: reminded, which loses nothing.
    backupReminder: pick('backupReminder', isBoolean, true),
  };
}

/**
 * Reads and writes the user's settings (not secret) in `storage.local`. What it hands out is the settings in
 * force: the organisation's policy (read on every call, so a policy change applies at once) wins over the user.
 */
export function createSettingsStore(area: KeyValueArea, readPolicy: () => Promise<ParsedPolicy> = async () => ({ policy: {}, warnings: [] })) {
  const stored = async (): Promise<Settings> => readStoredSettings((await area.get(KEY))[KEY]);
  const effective = async (): Promise<EffectiveSettings> => {
    const { policy, warnings } = await readPolicy();
    const { settings, locked } = applyPolicy(await stored(), policy);
    return { settings, locked, warnings, autoLockChoices: allowedAutoLockChoices(policy, AUTO_LOCK_CHOICES), plainExportAllowed: isPlainExportAllowed(policy) };
  };
  return {
    /** The settings in force (policy applied). */
    async get(): Promise<Settings> {
      return (await effective()).settings;
    },
    /** The settings in force with what the organisation fixed, for the options page. */
    effective,
    /** Saves the user's choices; a setting the organisation fixed cannot be changed. */
    async set(patch: Partial<Settings>): Promise<EffectiveSettings> {
      const current = await effective();
      const clean = validateSettings(patch, current.autoLockChoices);
      const fixed = Object.keys(clean).filter((key) => current.locked[key as keyof Settings]);
      if (fixed.length > 0) {
        throw new ProtocolError('settings/set-by-organisation', `${fixed.join(', ')} is set by your organisation and cannot be changed here.`, {
          key: 'error_settings_by_organisation',
          subs: [fixed.join(', ')],
        });
      }
      await area.set({ [KEY]: { ...(await stored()), ...clean } });
      return effective();
    },
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
