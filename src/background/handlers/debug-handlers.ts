import { query, type Handlers } from './handler-types';

/** The diagnostics log of fill decisions, read and switched on or off from the extension's pages. */
export const debugHandlers: Pick<Handlers, 'debug.decisions' | 'debug.setRecording'> = {
  'debug.decisions': query(async (_r, context) => ({ recording: await context.decisions.isRecording(), decisions: await context.decisions.list() })),
  'debug.setRecording': query(async ({ on }, context) => ({ recording: await context.decisions.setRecording(on === true) })),
};
