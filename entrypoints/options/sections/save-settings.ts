import type { Settings } from '../../../src/messages';

/** Saves part of the settings; the options page shows the outcome (saved, or why not). */
export type SaveSettings = (patch: Partial<Settings>) => Promise<void>;
