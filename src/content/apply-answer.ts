import { PortalError } from '../errors';
import { t, translate } from '../ui/i18n';
import type { DecisionReport, FillAnswer } from '../messages';
import { fillOtpField, firstInput, inputsOf, type OtpFieldMatch } from '../fill/content-api';
import { collectNotices } from './notices';
import { reportSubmission, watchSubmission } from './watch-submission';
import { showChooser, showUnlockHint, waitWithCountdown } from './answer-panels';
import type { PanelSlot } from './panel-slot';
import type { FillChannel, Trigger } from './fill-channel';

/** One field and how it came to be served: what `apply` needs to ask again or fill later. */
export interface FieldRequest {
  match: OtpFieldMatch;
  trigger: Trigger;
  /** The field confirms a new authenticator (only an account just added fits). */
  setup: boolean;
  /** Asks the background once more (the same request), when a wait is over or a refused code is recovered. */
  again: () => Promise<FillAnswer>;
}

const OUTCOME: Record<FillAnswer['status'], DecisionReport['outcome']> = {
  fill: 'filled',
  wait: 'waiting',
  choose: 'choose',
  locked: 'locked',
  none: 'no-account',
  disabled: 'disabled',
  unexplained: 'failed',
};

/** When, after a submission on a page that stays loaded, to look for the portal refusing the code. */
const REFUSAL_LOOKS_MS = [1500, 3000, 5000, 8000];

export interface AnswerDeps {
  channel: FillChannel;
  slot: PanelSlot;
  doc: Document;
  /** Records what was decided about the field, for the diagnostics log. */
  report(match: OtpFieldMatch | undefined, decision: Omit<DecisionReport, 'field'>): void;
  /** The vault is locked: the field waits under the unlock hint (now the slot's panel) until it is unlocked. */
  awaitUnlock(request: FieldRequest): void;
}

/** Carries out the background's answer for one field: fills it, counts down to a fresh code, or asks the person. */
export function createAnswerApplier(deps: AnswerDeps) {
  const { channel, slot, doc, report } = deps;

  const apply = async (request: FieldRequest, answer: FillAnswer): Promise<void> => {
    const { match, setup } = request;
    // The last box of a split code: a panel beside it covers none of the others.
    const anchor = inputsOf(match).at(-1)!;
    const said = answer.status === 'unexplained' ? answer.message : answer.status === 'fill' || answer.status === 'wait' ? answer.notice : undefined;
    report(match, {
      outcome: OUTCOME[answer.status],
      reason: setup ? `setup:${answer.status}` : answer.status,
      // What the person is told, when the answer says something (a refusal recovered from, or not).
      detail: said ? translate(said) : '',
    });
    switch (answer.status) {
      case 'unexplained':
        return slot.tell(anchor, translate(answer.message));
      case 'none':
        if (setup && request.trigger === 'manual') slot.tell(anchor, t('panel_nothing_text'), t('panel_nothing_title'));
        return;
      case 'wait':
        return waitThenAsk(request, answer, anchor);
      case 'fill':
        return fill(request, answer, anchor);
      case 'choose':
        return showChooser(slot, anchor, answer, (id) => {
          const again = () => channel.choose(id);
          void again()
            .then((next) => apply({ match, trigger: 'manual', setup: false, again }, next))
            .catch((error: unknown) => slot.failure(anchor, error));
        });
      case 'locked':
        showUnlockHint(slot, anchor, channel.openPopup);
        return deps.awaitUnlock(request);
    }
  };

  const waitThenAsk = async (request: FieldRequest, answer: Extract<FillAnswer, { status: 'wait' }>, anchor: Element) => {
    if (!(await waitWithCountdown(slot, anchor, answer))) return; // cancelled
    const waiting = slot.current();
    let next: FillAnswer;
    try {
      next = await request.again();
    } catch (error) {
      return slot.failure(anchor, error);
    }
    if (slot.current() !== waiting) return; // cancelled while asking
    slot.close();
    return apply(request, next);
  };

  const fill = async (request: FieldRequest, answer: Extract<FillAnswer, { status: 'fill' }>, anchor: Element) => {
    const { match } = request;
    // After a submission, a page that stays loaded may show the portal refusing the code: the background judges.
    const sent = () => {
      void channel.submitted();
      for (const ms of REFUSAL_LOOKS_MS) {
        setTimeout(() => {
          const input = firstInput(match);
          if (input.isConnected && (!input.value || collectNotices(doc).length))
            void channel.refused?.(!input.value).then((next) => void (next.status !== 'none' && apply(request, next)));
        }, ms);
      }
    };
    // Listen before filling: a widget may submit the moment its last box is filled.
    const stop = watchSubmission(inputsOf(match), sent, doc, answer.counterBased);
    try {
      const result = await fillOtpField(match, answer.code, { submit: answer.submit });
      // The extension's own submit click is no trusted event: it is reported here, once per page load or gesture.
      if (result.submitted !== 'no' && !stop()) reportSubmission(doc, sent);
      if (answer.notice) slot.tell(anchor, translate(answer.notice));
    } catch (error) {
      // A field that does not fit the code (wrong box count, removed from the page): say so, never guess.
      stop();
      report(match, { outcome: 'failed', reason: 'fill-error', detail: error instanceof PortalError ? error.code : '' });
      slot.failure(anchor, error);
    }
  };

  return apply;
}
