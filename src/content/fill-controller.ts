import { PortalError } from '../errors';
import type { FillAnswer } from '../messages';
import { findOtpFields, fillOtpField, firstInput, inputsOf, type OtpFieldMatch } from '../fill/content-api';
import { reportSubmission, watchSubmission } from './watch-submission';
import { addButton, addText, createShadowPanel, type PanelSide, type ShadowPanel } from '../page-ui/shadow-panel';

/** How the controller talks to the background (the real `sendRequest`, or a fake in tests). */
export interface FillChannel {
  request(trigger: 'auto' | 'manual'): Promise<FillAnswer>;
  choose(id: string): Promise<FillAnswer>;
  /** Opens the extension's popup; false when the browser would not open it from a page's button (Firefox). */
  openPopup(): Promise<boolean>;
  /** Tells the background the filled code was submitted (it is now used at this site). */
  submitted(): Promise<void>;
}

/**
 * Detects the OTP field in this frame and fills it with the code the background hands out. Each field is
 * handled once (a later mutation re-runs detection but skips fields already served); a locked vault gets a
 * dismissable hint, several accounts get a chooser.
 */
export function createFillController(channel: FillChannel, doc: Document = document) {
  const served = new WeakSet<HTMLInputElement>();
  let panel: ShadowPanel | undefined;
  let busy = false;
  // The field under the unlock hint, filled when the background says the vault is unlocked.
  let awaitingUnlock: { match: OtpFieldMatch; trigger: 'auto' | 'manual'; hint: ShadowPanel | undefined } | undefined;

  const showPanel = (label: string, anchor: Element, build: (p: ShadowPanel) => void, side: PanelSide = 'below') => {
    panel?.remove();
    panel = createShadowPanel(label, anchor, doc, side);
    addText(panel.body, 'Portal Authenticator', 'brand');
    build(panel);
  };
  const closePanel = () => {
    panel?.remove();
    panel = undefined;
  };
  // What went wrong, in the error's own words when it has them.
  const showFailure = (anchor: Element, error: unknown) =>
    showPanel('Could not fill the code', anchor, (p) => {
      addText(p.body, error instanceof PortalError ? error.userMessage : 'Could not fill the code into this field.', 'text');
      addButton(p.body, 'Dismiss', closePanel);
    });

  /** `again` asks the background once more (the same request) when a wait is over; the answer to it is applied too. */
  const apply = async (match: OtpFieldMatch, answer: FillAnswer, trigger: 'auto' | 'manual', again: () => Promise<FillAnswer>): Promise<void> => {
    // The last box of a split code: a panel beside it covers none of the others.
    const anchor = inputsOf(match).at(-1)!;
    if (answer.status === 'wait') {
      const why = answer.replayWait ? 'This site already got the current code; filling the next one' : 'Waiting for a fresh code';
      const fillAt = Date.now() + answer.waitMs;
      let countdown: HTMLElement | undefined;
      const tell = () => {
        if (countdown) countdown.textContent = `${why} in ${Math.max(1, Math.ceil((fillAt - Date.now()) / 1000))} s.`;
      };
      // Beside the field where there is room, so the form's own buttons stay visible and usable.
      showPanel(
        'Waiting for a fresh code',
        anchor,
        (p) => {
          countdown = addText(p.body, '', 'muted');
          tell();
          addButton(p.body, 'Cancel', closePanel);
        },
        'beside',
      );
      const waitingPanel = panel;
      const ticker = setInterval(tell, 1000);
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
      return apply(match, next, trigger, again);
    }
    if (answer.status === 'fill') {
      // Listen before filling: a widget may submit the moment its last box is filled.
      const stop = watchSubmission(inputsOf(match), () => void channel.submitted(), doc, answer.counterBased);
      try {
        const result = await fillOtpField(match, answer.code, { submit: answer.submit });
        // The extension's own submit click is no trusted event: it is reported here, once per page load or gesture.
        if (result.submitted !== 'no' && !stop()) reportSubmission(doc, () => void channel.submitted());
      } catch (error) {
        // A field that does not fit the code (wrong box count, removed from the page): say so, never guess.
        stop();
        showFailure(anchor, error);
      }
    } else if (answer.status === 'choose') {
      showPanel('Choose an account', anchor, (p) => {
        addText(p.body, answer.crossOrigin ? 'This field is inside an embedded frame from another site. Fill a code here?' : 'Which account?', 'text');
        const list = doc.createElement('div');
        list.className = 'list';
        p.body.append(list);
        for (const option of answer.options) {
          addButton(list, option.label, () => {
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
        addButton(row, 'Not now', closePanel);
      });
    } else if (answer.status === 'locked') {
      showPanel('Unlock Portal Authenticator to fill', anchor, (p) => {
        const text = addText(p.body, 'Unlock Portal Authenticator to fill your one-time code.', 'text');
        const row = doc.createElement('div');
        row.className = 'row';
        p.body.append(row);
        addButton(row, 'Dismiss', closePanel);
        addButton(
          row,
          'Unlock',
          () =>
            void channel.openPopup().then(
              (opened) => {
                // Some browsers open the popup only from their own toolbar: say where to go instead of doing nothing.
                if (!opened) text.textContent = 'Click the Portal Authenticator button in the toolbar and unlock there. The code is filled here then.';
              },
              () => undefined,
            ),
          true,
        );
      });
      awaitingUnlock = { match, trigger, hint: panel };
    }
  };

  const serve = async (match: OtpFieldMatch, trigger: 'auto' | 'manual') => {
    const inputs = inputsOf(match);
    inputs.forEach((i) => served.add(i));
    await apply(match, await channel.request(trigger), trigger, () => channel.request(trigger));
  };

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
      answer = await channel.request(wait.trigger);
    } catch (error) {
      if (panel === wait.hint) showFailure(inputsOf(wait.match).at(-1)!, error);
      return;
    }
    if (panel !== wait.hint) return; // dismissed meanwhile
    closePanel();
    await apply(wait.match, answer, wait.trigger, () => channel.request(wait.trigger));
  };

  return {
    /** Looks for an unserved OTP field and fills it; cheap to call again after DOM changes. */
    async scan(): Promise<void> {
      if (busy) return;
      const match = findOtpFields(doc);
      if (match.kind === 'none' || served.has(firstInput(match))) return;
      busy = true;
      try {
        await serve(match, 'auto');
      } finally {
        busy = false;
      }
    },
    /** The vault was unlocked (the background says so): fills the field waiting under the unlock hint. */
    unlocked,
    /** Fills the focused field on the user's explicit request (context menu or shortcut). */
    async fillFocused(): Promise<void> {
      const match = findOtpFields(doc, { focusedOnly: true });
      if (match.kind !== 'none') await serve(match, 'manual');
    },
  };
}
