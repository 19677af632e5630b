import type browserApi from 'webextension-polyfill';
import { ProtocolError } from '../../errors';
import { isOriginAllowed } from '../../sites/origin-binding';
import { isSiteAllowedByPolicy } from '../../policy';
import type { FillAnswer } from '../../messages';
import type { BackgroundContext } from '../context';
import { createClockOffsets } from '../clock-offsets';
import { decideFill } from '../fill-decision';
import { createCaptureMemory } from '../recent-capture';
import { recoverRefusal } from '../recover-refusal';
import type { SenderKind } from '../sender';
import { createSiteIndex } from '../../sites/site-index';
import { query, type Handlers } from './handler-types';

type ContentSender = Extract<SenderKind, { kind: 'content' }>;

/** Narrows a sender to a content script; a fill request from anywhere else is a mistake. */
export function requireContent(sender: SenderKind): ContentSender {
  if (sender.kind !== 'content') throw new ProtocolError('protocol/not-a-page', 'This request comes only from a web page.', { key: 'error_protocol_not_a_page' });
  return sender;
}

/** Keeps only well-formed user-name hints (a page controls them, so they can only narrow, never widen). */
function cleanHints(hints: unknown): string[] {
  if (!Array.isArray(hints)) return [];
  return hints.filter((h): h is string => typeof h === 'string' && h.length <= 200).slice(0, 10).map((h) => h.trim().toLowerCase());
}

async function answerFill(
  context: BackgroundContext,
  sender: ContentSender,
  trigger: 'auto' | 'manual',
  { chosenId, hints, setup }: { chosenId?: string; hints?: unknown; setup?: boolean } = {},
): Promise<FillAnswer> {
  const settings = await context.settings.get();
  if (trigger === 'auto' && !settings.autoFill) return { status: 'disabled' };
  // The organisation's allow-list, when there is one, bounds every binding (and the locked hint).
  if (!isSiteAllowedByPolicy((await context.policy()).policy, sender.frameOrigin)) return { status: 'none' };
  if ((await context.vault.status()) !== 'unlocked') {
    const bound = await createSiteIndex(context.browser.storage.local).mayBeBound(sender.frameOrigin);
    return bound ? { status: 'locked' } : { status: 'none' };
  }
  // A set-up step gets the account just added from this site, or nothing: a saved account's secret is the old one.
  const captured = setup === true ? await createCaptureMemory(context.session, context.now).accountFor(sender.tabId, sender.frameOrigin) : undefined;
  const candidates = (await context.vault.list()).filter((a) =>
    setup === true ? a.id === captured : isOriginAllowed(a.sites, a.matchRegistrableDomain, sender.frameOrigin) !== 'no',
  );
  // A portal whose clock was found off (when it refused a code) gets codes by its own clock.
  const offsetSeconds = await createClockOffsets(context.browser.storage.local).offsetFor(sender.frameOrigin);
  const decision = decideFill({
    candidates,
    // A sub-frame whose top page has no web origin (about:blank, data:) counts as cross-origin: fail closed.
    crossOriginFrame: sender.frameId !== 0 && sender.topOrigin !== sender.frameOrigin,
    chosenId,
    hints: cleanHints(hints),
    freshnessSeconds: settings.freshnessSeconds,
    submit: settings.autoSubmit,
    lastFilledStep: await context.replay.stepsFor(sender.frameOrigin),
    refusedStep: new Map([...(await context.replay.refusalsFor(sender.frameOrigin))].map(([id, refusal]) => [id, refusal.step])),
    now: context.now() + offsetSeconds * 1000,
  });
  // The code counts as used once the frame submits it (fill.submitted): a TOTP step is then never handed to this
  // site again, and an HOTP counter moves on. A page that is only loaded uses nothing up.
  if (decision.used) {
    const { id, step, type } = decision.used;
    await context.replay.handOut(frameKey(sender), sender.frameOrigin, id, step, type, offsetSeconds);
  }
  // No touch() here: a web page asking for codes must not keep the vault from locking when idle.
  return decision.answer;
}

/** Names one frame of one tab, as the browser identifies the sender. */
export function frameKey(sender: ContentSender): string {
  return `${sender.tabId}:${sender.frameId}`;
}

/** The path of a frame's address: the same code step shown again after a refusal has the same one. */
const pathOf = (url: string): string => {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
};

/** A refusal of the code this frame just submitted, recovered from once (see recoverRefusal). */
function recover(context: BackgroundContext, sender: ContentSender, seen: unknown, trigger: 'auto' | 'manual', emptied?: unknown) {
  // A page that stayed loaded says whether the field was emptied; a newly loaded one must be the page the code was sent from.
  const where = emptied === undefined ? { path: pathOf(sender.frameUrl) } : { emptied: emptied === true };
  const frame = { frameKey: frameKey(sender), origin: sender.frameOrigin, ...where };
  return recoverRefusal(context, frame, seen, (chosenId) => answerFill(context, sender, trigger, { chosenId }));
}

/** Codes for a content script's own frame, decided from the browser-vouched sender origin. */
export const fillHandlers: Pick<Handlers, 'fill.request' | 'fill.choose' | 'fill.refused' | 'fill.submitted' | 'fill.decided' | 'ui.openPopup'> = {
  'fill.request': query(async ({ trigger, hints, setup, seen }, context, sender) => {
    const content = requireContent(sender);
    // The code step on a page loaded right after this frame submitted a code: the portal may have refused it.
    const recovered = setup === true ? undefined : await recover(context, content, seen, trigger);
    return recovered ?? answerFill(context, content, trigger, { hints, setup });
  }),
  'fill.choose': query(async ({ id }, context, sender) => answerFill(context, requireContent(sender), 'manual', { chosenId: String(id) })),
  'fill.refused': query(async ({ seen, emptied }, context, sender) => (await recover(context, requireContent(sender), seen, 'auto', emptied ?? false)) ?? { status: 'none' }),
  'fill.submitted': query(async (_r, context, sender) => {
    const content = requireContent(sender);
    const handed = await context.replay.confirmSubmitted(frameKey(content), content.frameOrigin, pathOf(content.frameUrl));
    if (handed?.type === 'hotp') await context.vault.advanceHotp(handed.accountId, handed.step);
    if (handed) await createCaptureMemory(context.session, context.now).forget(content.tabId, content.frameOrigin, handed.accountId);
    return { ok: true };
  }),
  'fill.decided': query(async ({ decision }, context, sender) => {
    const { frameUrl: url, tabId, frameId } = requireContent(sender);
    await context.decisions.record({ url, tabId, frameId }, decision);
    return { ok: true };
  }),
  'ui.openPopup': query(async (_r, context, sender) => {
    requireContent(sender);
    const action = (context.browser.action ?? context.browser.browserAction) as typeof browserApi.action | undefined;
    // Some browsers open the popup only from a toolbar click, or not at all from here; the page then points the
    // user to the toolbar.
    if (!action?.openPopup) return { opened: false };
    try {
      await action.openPopup();
      return { opened: true };
    } catch {
      return { opened: false };
    }
  }),
};
