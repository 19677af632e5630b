import type { Settings } from '../../../src/messages';

import { invalidWhen } from '../../../src/ui/field-error';

/** Saves part of the settings; the options page shows the outcome (saved, or why not). */
export type SaveSettings = (patch: Partial<Settings>) => Promise<void>;

/** A setting the last save refused, and the id of the message saying why. */
export interface SettingError {
  setting: keyof Settings;
  id: string;
}

/** The invalid-state attributes of the control for `setting`: tied to the message when the last save refused it. */
export function settingInvalid(error: SettingError | undefined, setting: keyof Settings) {
  return invalidWhen(error?.setting === setting ? error.id : undefined);
}
