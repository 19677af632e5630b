import type { DecisionReport } from '../messages';
import { findOtpFields, firstInput, inputsOf, type NoMatch, type OtpFieldMatch } from '../fill/content-api';
import { describeFieldForLog } from './decision-reporter';
import { createAnswerApplier, type FieldRequest } from './apply-answer';
import type { FillChannel, Trigger } from './fill-channel';
import { createPanelSlot } from './panel-slot';

export type { FillChannel } from './fill-channel';

/**
 * A field refused as hidden or nearly transparent may be on its way in (a dialog fading in, a step sliding in):
 * looked at again after each of these delays, without any further change to the page.
 */
const LOOK_AGAIN_MS = [100, 250, 500, 1000, 2000];

/**
 * Detects the OTP field in this frame and fills it with the code the background hands out. Each field is
 * handled once (a later mutation re-runs detection but skips fields already served); a locked vault gets a
 * dismissable hint, several accounts get a chooser. This part decides when to look and which field to serve;
 * `createAnswerApplier` carries out the background's answer.
 */
export function createFillController(channel: FillChannel, doc: Document = document) {
  const served = new WeakSet<HTMLInputElement>();
  const slot = createPanelSlot(doc);
  let busy = false;
  let capturedWhileBusy = false;
  let lookAgainTimer: ReturnType<typeof setTimeout> | undefined;
  let lookedAgain = 0;
  // The field under the unlock hint, filled when the background says the vault is unlocked.
  let awaitingUnlock: { request: FieldRequest; hint: ReturnType<typeof slot.current> } | undefined;
  const report = (match: OtpFieldMatch | undefined, decision: Omit<DecisionReport, 'field'>) =>
    channel.report?.({ ...decision, ...(match ? { field: describeFieldForLog(firstInput(match)) } : {}) });
  const apply = createAnswerApplier({
    channel,
    slot,
    doc,
    report,
    awaitUnlock: (request) => (awaitingUnlock = { request, hint: slot.current() }),
  });

  const serve = async (match: OtpFieldMatch, trigger: Trigger, setup = false) => {
    inputsOf(match).forEach((i) => served.add(i));
    lookedAgain = 0;
    const again = () => channel.request(trigger, setup);
    await apply({ match, trigger, setup, again }, await again());
  };

  /**
   * Serves one field at a time: a change of the page while a request is out does not start a second one. A
   * capture that arrives meanwhile (the set-up step was being asked about) is handled as soon as it is done.
   */
  const serveOnce = async (match: OtpFieldMatch, trigger: Trigger, setup = false) => {
    if (busy) return;
    busy = true;
    try {
      await serve(match, trigger, setup);
    } finally {
      busy = false;
    }
    if (capturedWhileBusy) {
      capturedWhileBusy = false;
      await captured();
    }
  };

  const lookAgainLater = () => {
    if (lookAgainTimer !== undefined || lookedAgain >= LOOK_AGAIN_MS.length) return;
    lookAgainTimer = setTimeout(() => {
      lookAgainTimer = undefined;
      void scan().catch(() => undefined);
    }, LOOK_AGAIN_MS[lookedAgain++]);
  };

  /**
   * What a refusal leads to: a set-up step asks for the account just added from this page (and gets nothing
   * else); a field refused as hidden or transparent is looked at again shortly, as it may be fading in.
   */
  const refused = async (match: NoMatch, trigger: Trigger) => {
    report(match.nearest, { outcome: 'refused', reason: match.reason, detail: match.detail });
    const field = match.nearest;
    if (match.reason === 'enrolment-page' && field && (trigger === 'manual' || !served.has(firstInput(field)))) {
      await serveOnce(field, trigger, true);
    } else if ((match.reason === 'not-visible' || match.reason === 'transparent') && field && trigger === 'auto') {
      lookAgainLater();
    }
  };

  /**
   * An account was just added from this page (in-page offer or popup scan): its set-up step's confirmation field
   * gets that account's first code, even if it was looked at before.
   */
  async function captured(): Promise<void> {
    if (busy) {
      capturedWhileBusy = true;
      return;
    }
    const match = findOtpFields(doc, { allowEnrolment: true });
    if (match.kind === 'none') return report(match.nearest, { outcome: 'refused', reason: match.reason, detail: match.detail });
    await serveOnce(match, 'auto', true);
  }

  async function scan(): Promise<void> {
    if (busy) return;
    const match = findOtpFields(doc);
    if (match.kind === 'none') return refused(match, 'auto');
    if (served.has(firstInput(match))) return;
    await serveOnce(match, 'auto');
  }

  /**
   * The vault was unlocked: fills the field waiting under the unlock hint, unless the hint was dismissed or the
   * field has left the page. A tab in the background waits until it is shown, so a login left open elsewhere is
   * not filled (nor submitted) behind the person's back.
   */
  const unlocked = async (): Promise<void> => {
    const wait = awaitingUnlock;
    if (!wait || slot.current() !== wait.hint) return;
    if (doc.visibilityState === 'hidden') {
      doc.addEventListener('visibilitychange', () => void unlocked().catch(() => undefined), { once: true });
      return;
    }
    awaitingUnlock = undefined;
    const { request } = wait;
    if (!firstInput(request.match).isConnected) return slot.close();
    let answer;
    try {
      answer = await request.again();
    } catch (error) {
      if (slot.current() === wait.hint) slot.failure(inputsOf(request.match).at(-1)!, error);
      return;
    }
    if (slot.current() !== wait.hint) return; // dismissed meanwhile
    slot.close();
    await apply(request, answer);
  };

  return {
    /** Looks for an unserved OTP field and fills it; cheap to call again after DOM changes. */
    scan,
    /** The vault was unlocked (the background says so): fills the field waiting under the unlock hint. */
    unlocked,
    /** Fills the focused field on the user's explicit request (context menu or shortcut). */
    async fillFocused(): Promise<void> {
      const match = findOtpFields(doc, { focusedOnly: true });
      if (match.kind === 'none') return refused(match, 'manual');
      await serve(match, 'manual');
    },
    captured,
  };
}
