import { PortalError } from '../errors';
import { t, translate } from '../ui/i18n';
import type { Translatable } from '../translatable';
import { describeUiError } from '../ui/describe-ui-error';
import type { DecisionReport, FillAnswer } from '../messages';
import { findOtpFields, fillOtpField, firstInput, inputsOf, type NoMatch, type OtpFieldMatch } from '../fill/content-api';
import { describeFieldForLog } from './decision-reporter';
import { collectNotices } from './notices';
import { reportSubmission, watchSubmission } from './watch-submission';
import { addButton, addText, createShadowPanel, type PanelSide, type ShadowPanel } from '../page-ui/shadow-panel';

/** How the controller talks to the background (the real `sendRequest`, or a fake in tests). */
export interface FillChannel {
  /** Asks for a code; `setup` when the field confirms a new authenticator (only an account just added fits). */
  request(trigger: 'auto' | 'manual', setup?: boolean): Promise<FillAnswer>;
  choose(id: string): Promise<FillAnswer>;
  /** Opens the extension's popup; false when the browser would not open it from a page's button (Firefox). */
  openPopup(): Promise<boolean>;
  /** Tells the background the filled code was submitted (it is now used at this site). */
  submitted(): Promise<void>;
  /** After a submission the page shows notices: the background says whether the portal refused the code, and what now. */
  refused?(emptied: boolean): Promise<FillAnswer>;
  /** Records what was decided about a field, for the diagnostics log (a no-op unless it is switched on). */
  report?(decision: DecisionReport): void;
}

type Trigger = 'auto' | 'manual';

/**
 * A field refused as hidden or nearly transparent may be on its way in (a dialog fading in, a step sliding in):
 * looked at again after each of these delays, without any further change to the page.
 */
const LOOK_AGAIN_MS = [100, 250, 500, 1000, 2000];

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

/**
 * Detects the OTP field in this frame and fills it with the code the background hands out. Each field is
 * handled once (a later mutation re-runs detection but skips fields already served); a locked vault gets a
 * dismissable hint, several accounts get a chooser.
 */
export function createFillController(channel: FillChannel, doc: Document = document) {
  const served = new WeakSet<HTMLInputElement>();
  let panel: ShadowPanel | undefined;
  let busy = false;
  let lookAgainTimer: ReturnType<typeof setTimeout> | undefined;
  let lookedAgain = 0;
  const report = (match: OtpFieldMatch | undefined, decision: Omit<DecisionReport, 'field'>) =>
    channel.report?.({ ...decision, ...(match ? { field: describeFieldForLog(firstInput(match)) } : {}) });
  // The field under the unlock hint, filled when the background says the vault is unlocked.
  let awaitingUnlock: { match: OtpFieldMatch; trigger: Trigger; setup: boolean; hint: ShadowPanel | undefined } | undefined;

  const showPanel = (label: string, anchor: Element, build: (p: ShadowPanel) => void, side: PanelSide = 'below') => {
    panel?.remove();
    panel = createShadowPanel(label, anchor, doc, side);
    panel.onEscape = closePanel;
    addText(panel.body, t('app_name'), 'brand');
    build(panel);
  };
  const closePanel = () => {
    panel?.remove();
    panel = undefined;
  };
  // What went wrong, in the error's own words when it has them.
  const showFailure = (anchor: Element, error: unknown) =>
    showPanel(t('panel_fill_failed_title'), anchor, (p) => {
      addText(p.body, error instanceof PortalError ? describeUiError(error) : t('panel_fill_failed'), 'text');
      addButton(p.body, t('dismiss'), closePanel);
    });

  /** `again` asks the background once more (the same request) when a wait is over; the answer to it is applied too. */
  const apply = async (match: OtpFieldMatch, answer: FillAnswer, trigger: Trigger, again: () => Promise<FillAnswer>, setup = false): Promise<void> => {
    // The last box of a split code: a panel beside it covers none of the others.
    const anchor = inputsOf(match).at(-1)!;
    const said = answer.status === 'unexplained' ? answer.message : answer.status === 'fill' || answer.status === 'wait' ? answer.notice : undefined;
    report(match, {
      outcome: OUTCOME[answer.status],
      reason: setup ? `setup:${answer.status}` : answer.status,
      // What the person is told, when the answer says something (a refusal recovered from, or not).
      detail: said
        ? translate(said)
        : answer.status === 'wait'
          ? 'The code is asked for again when its period starts.'
          : `The background answered "${answer.status}".`,
    });
    // Something beside the field: a refusal nothing explains, or why a code follows a refused one.
    const tell = (text: Translatable) =>
      showPanel(t('app_name'), anchor, (p) => {
        addText(p.body, translate(text), 'text');
        addButton(p.body, t('dismiss'), closePanel);
      });
    if (answer.status === 'unexplained') return tell(answer.message);
    if (setup && answer.status === 'none' && trigger === 'manual') {
      showPanel(t('panel_nothing_title'), anchor, (p) => {
        addText(p.body, t('panel_nothing_text'), 'text');
        addButton(p.body, t('dismiss'), closePanel);
      });
      return;
    }
    if (answer.status === 'wait') {
      const why = answer.replayWait ? 'panel_wait_replay' : 'panel_wait_fresh';
      const fillAt = Date.now() + answer.waitMs;
      let countdown: HTMLElement | undefined;
      const count = () => {
        const left = t(why, Math.max(1, Math.ceil((fillAt - Date.now()) / 1000)));
        if (countdown) countdown.textContent = answer.notice ? [translate(answer.notice), left].join(' ') : left;
      };
      // Beside the field where there is room, so the form's own buttons stay visible and usable.
      showPanel(
        t('panel_wait_title'),
        anchor,
        (p) => {
          countdown = addText(p.body, '', 'muted');
          count();
          addButton(p.body, t('cancel'), closePanel);
        },
        'beside',
      );
      const waitingPanel = panel;
      const ticker = setInterval(count, 1000);
      await new Promise((resolve) => setTimeout(resolve, answer.waitMs));
      clearInterval(ticker);
      if (panel !== waitingPanel) return; // cancelled
      let next: FillAnswer;
      try {
        next = await again();
      } catch (error) {
        return showFailure(anchor, error);
      }
      if (panel !== waitingPanel) return; // cancelled while asking
      closePanel();
      return apply(match, next, trigger, again, setup);
    }
    if (answer.status === 'fill') {
      // After a submission, a page that stays loaded may show the portal refusing the code: the background judges.
      const sent = () => {
        void channel.submitted();
        for (const ms of REFUSAL_LOOKS_MS) {
          setTimeout(() => {
            const input = firstInput(match);
            if (input.isConnected && (!input.value || collectNotices(doc).length))
              void channel.refused?.(!input.value).then((next) => void (next.status !== 'none' && apply(match, next, trigger, again, setup)));
          }, ms);
        }
      };
      // Listen before filling: a widget may submit the moment its last box is filled.
      const stop = watchSubmission(inputsOf(match), sent, doc, answer.counterBased);
      try {
        const result = await fillOtpField(match, answer.code, { submit: answer.submit });
        // The extension's own submit click is no trusted event: it is reported here, once per page load or gesture.
        if (result.submitted !== 'no' && !stop()) reportSubmission(doc, sent);
        if (answer.notice) tell(answer.notice);
      } catch (error) {
        // A field that does not fit the code (wrong box count, removed from the page): say so, never guess.
        stop();
        report(match, { outcome: 'failed', reason: 'fill-error', detail: error instanceof PortalError ? error.userMessage : 'The fill failed.' });
        showFailure(anchor, error);
      }
    } else if (answer.status === 'choose') {
      showPanel(t('panel_choose_title'), anchor, (p) => {
        addText(p.body, t(answer.crossOrigin ? 'panel_choose_cross_origin' : 'panel_choose_text'), 'text');
        const list = doc.createElement('div');
        list.className = 'list';
        p.body.append(list);
        for (const option of answer.options) {
          addButton(list, option.label || t('account_unnamed'), () => {
            closePanel();
            void channel
              .choose(option.id)
              .then((next) => apply(match, next, 'manual', () => channel.choose(option.id)))
              .catch((error: unknown) => showFailure(anchor, error));
          });
        }
        const row = doc.createElement('div');
        row.className = 'row';
        p.body.append(row);
        addButton(row, t('not_now'), closePanel);
      });
    } else if (answer.status === 'locked') {
      showPanel(t('panel_unlock_title'), anchor, (p) => {
        const text = addText(p.body, t('panel_unlock_text'), 'text');
        const row = doc.createElement('div');
        row.className = 'row';
        p.body.append(row);
        addButton(row, t('dismiss'), closePanel);
        addButton(
          row,
          t('unlock_submit'),
          () =>
            void channel.openPopup().then(
              (opened) => {
                // Some browsers open the popup only from their own toolbar: say where to go instead of doing nothing.
                if (!opened) text.textContent = t('panel_unlock_toolbar');
              },
              () => undefined,
            ),
          true,
        );
      });
      awaitingUnlock = { match, trigger, setup, hint: panel };
    }
  };

  const serve = async (match: OtpFieldMatch, trigger: Trigger, setup = false) => {
    const inputs = inputsOf(match);
    inputs.forEach((i) => served.add(i));
    lookedAgain = 0;
    const ask = () => channel.request(trigger, setup);
    await apply(match, await ask(), trigger, ask, setup);
  };

  /**
   * Serves one field at a time: a change of the page while a request is out does not start a second one. A
   * capture that arrives meanwhile (the set-up step was being asked about) is handled as soon as it is done.
   */
  let capturedWhileBusy = false;
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
    if (!wait || panel !== wait.hint) return;
    if (doc.visibilityState === 'hidden') {
      doc.addEventListener('visibilitychange', () => void unlocked().catch(() => undefined), { once: true });
      return;
    }
    awaitingUnlock = undefined;
    if (!firstInput(wait.match).isConnected) return closePanel();
    let answer: FillAnswer;
    try {
      answer = await channel.request(wait.trigger, wait.setup);
    } catch (error) {
      if (panel === wait.hint) showFailure(inputsOf(wait.match).at(-1)!, error);
      return;
    }
    if (panel !== wait.hint) return; // dismissed meanwhile
    closePanel();
    await apply(wait.match, answer, wait.trigger, () => channel.request(wait.trigger, wait.setup), wait.setup);
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
