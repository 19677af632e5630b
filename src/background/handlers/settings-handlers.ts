import { ProtocolError } from '../../errors';
import { normalizeOrigin } from '../../sites/origin-binding';
import { judgeClockOffset } from '../clock-check';
import { act, query, type Handlers } from './handler-types';

/** Settings and the clock check. Extension pages only. */
export const settingsHandlers: Pick<Handlers, 'settings.get' | 'settings.set' | 'clock.check'> = {
  'settings.get': query(async (_r, { settings }) => settings.effective()),
  'settings.set': act(async ({ settings: patch }, { settings }) => settings.set(patch)),
  'clock.check': act(async ({ origin }, { now }) => {
    const site = normalizeOrigin(origin);
    const sentAt = now();
    let response: Response;
    try {
      response = await fetch(site, { method: 'HEAD', cache: 'no-store', credentials: 'omit' });
    } catch {
      throw new ProtocolError('clock/unreachable', `Could not reach ${site}. Check the address and your connection.`);
    }
    const receivedAt = now();
    const header = response.headers.get('date') ?? '';
    const serverMs = Date.parse(header);
    if (Number.isNaN(serverMs)) {
      throw new ProtocolError('clock/no-date', `${site} did not send its time (no Date header), so the clock cannot be compared.`);
    }
    return { ...judgeClockOffset(serverMs, sentAt, receivedAt), serverDate: header };
  }),
};
