import { ProtocolError } from '../errors';
import { DEFAULT_SETTINGS, type Settings } from '../messages';
import type { KeyValueArea } from '../background/replay-guard';

const KEY = 'settings';
const AUTO_LOCK_CHOICES = [0, 1, 5, 15, 60, 240];

/** Checks a partial settings change, throwing a ProtocolError that says which value is wrong. */
export function validateSettings(patch: Partial<Settings>): Partial<Settings> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new ProtocolError('settings/bad-value', 'Settings must be given as named values, e.g. { autoFill: true }.');
  }
  const out: Partial<Settings> = {};
  for (const [key, value] of Object.entries(patch) as Array<[keyof Settings, unknown]>) {
    if (key === 'autoFill' || key === 'autoSubmit') {
      if (typeof value !== 'boolean') throw new ProtocolError('settings/bad-value', `${key} must be on or off.`);
      out[key] = value;
    } else if (key === 'freshnessSeconds') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 20) {
        throw new ProtocolError('settings/bad-value', 'The fresh-code wait must be a whole number of seconds from 0 to 20.');
      }
      out[key] = value;
    } else if (key === 'autoLockMinutes') {
      if (typeof value !== 'number' || !AUTO_LOCK_CHOICES.includes(value)) {
        throw new ProtocolError('settings/bad-value', `Auto-lock must be one of ${AUTO_LOCK_CHOICES.join(', ')} minutes (0 = when the browser closes).`);
      }
      out[key] = value;
    } else {
      throw new ProtocolError('settings/unknown', `There is no setting called "${String(key)}".`);
    }
  }
  return out;
}

/** Reads and writes the user's settings (not secret) in `storage.local`. */
export function createSettingsStore(area: KeyValueArea) {
  return {
    async get(): Promise<Settings> {
      const stored = (await area.get(KEY))[KEY] as Partial<Settings> | undefined;
      return { ...DEFAULT_SETTINGS, ...(stored ?? {}) };
    },
    async set(patch: Partial<Settings>): Promise<Settings> {
      const next = { ...(await this.get()), ...validateSettings(patch) };
      await area.set({ [KEY]: next });
      return next;
    },
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
