import { normalizeOrigin } from '../../sites/origin-binding';
import { measureClock } from '../clock-check';
import { createClockOffsets, MAX_APPLIED_OFFSET_SECONDS } from '../clock-offsets';
import { act, query, type Handlers } from './handler-types';

/** Settings, the clock check and the clock offsets kept for portals. Extension pages only. */
export const settingsHandlers: Pick<Handlers, 'settings.get' | 'settings.set' | 'clock.check' | 'clock.offsets'> = {
  'settings.get': query(async (_r, { settings }) => settings.effective()),
  'settings.set': act(async ({ settings: patch }, { settings }) => settings.set(patch)),
  'clock.check': act(async ({ origin }, { now, browser }) => {
    const site = normalizeOrigin(origin);
    const reading = await measureClock(site, now);
    // A portal whose codes are already corrected follows the newest check ("until a new check says otherwise").
    const offsets = createClockOffsets(browser.storage.local);
    if ((await offsets.has(site)) && Math.abs(reading.offsetSeconds) <= MAX_APPLIED_OFFSET_SECONDS) await offsets.keep(site, reading.offsetSeconds, now());
    return reading;
  }),
  'clock.offsets': query(async (_r, { browser }) => ({ offsets: await createClockOffsets(browser.storage.local).list() })),
};
