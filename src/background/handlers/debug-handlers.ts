import type { Handlers } from './handler-types';
import { createDecisionLog } from '../decision-log';
import type { BackgroundContext } from '../context';

const logOf = (context: BackgroundContext) => createDecisionLog(context.browser.storage.local, context.session, context.now);

/** The diagnostics log of fill decisions, read and switched on or off from the extension's pages. */
export const debugHandlers: Pick<Handlers, 'debug.decisions' | 'debug.setRecording'> = {
  'debug.decisions': async (_r, context) => {
    const log = logOf(context);
    return { recording: await log.isRecording(), decisions: await log.list() };
  },
  'debug.setRecording': async ({ on }, context) => ({ recording: await logOf(context).setRecording(on === true) }),
};
