import type { BackgroundToContent } from '../src/messages';
import { DECISION_RECORDING_KEY } from '../src/storage';
import { createRequestSender } from '../src/send-request';
import { contentApi as browser } from '../src/content/native-browser';
import { createFillController } from '../src/content/fill-controller';
import { createEnrolmentOffer } from '../src/content/enrolment-offer';
import { watchForCandidates } from '../src/content/watch';
import { collectIdentityHints } from '../src/content/identity-hints';
import { collectNotices } from '../src/content/notices';
import { createDecisionReporter } from '../src/content/decision-reporter';

// Declared in wxt.config.ts's manifest as the content script of every page (and frame): an unlisted script
// carries no framework runtime, so the script every page loads stays small.
export default defineUnlistedScript({
  main() {
    // A sandboxed document (CSP sandbox, a sandboxed iframe) has an opaque origin: it is no site an account is
    // bound to, whatever its URL says (Firefox tells the background only the URL). It gets nothing.
    const sendRequest = createRequestSender(browser.runtime);
    const isRecording = async () => (await browser.storage.local.get(DECISION_RECORDING_KEY))[DECISION_RECORDING_KEY] === true;
    if (self.origin === 'null') {
      // Only to leave a trace in the diagnostics log, which the background writes for frames it refuses.
      void isRecording().then((on) => void (on && sendRequest({ type: 'fill.decided', decision: { outcome: 'refused', reason: 'sandboxed', detail: '' } }))).catch(() => undefined);
      return;
    }
    const fill = createFillController({
      request: (trigger, setup) =>
        sendRequest({ type: 'fill.request', trigger, hints: collectIdentityHints(), seen: collectNotices(), ...(setup ? { setup } : {}) }),
      refused: (emptied) => sendRequest({ type: 'fill.refused', seen: collectNotices(), emptied }),
      choose: (id) => sendRequest({ type: 'fill.choose', id }),
      openPopup: async () => (await sendRequest({ type: 'ui.openPopup' })).opened,
      submitted: async () => void (await sendRequest({ type: 'fill.submitted' })),
      report: createDecisionReporter((decision) => sendRequest({ type: 'fill.decided', decision }), isRecording),
    });
    const offer = createEnrolmentOffer({
      scan: () => sendRequest({ type: 'qr.offer' }),
      accept: (token) => sendRequest({ type: 'qr.accept', token }),
      captured: () => fill.captured(),
    });
    watchForCandidates(document, {
      onFields: () => void fill.scan().catch(() => undefined),
      onEnrolmentCue: window === window.top ? () => void offer.maybeOffer().catch(() => undefined) : undefined,
    });
    browser.runtime.onMessage.addListener((message: unknown) => {
      const { type } = message as BackgroundToContent;
      if (type === 'content.fillFocused') void fill.fillFocused().catch(() => undefined);
      if (type === 'content.unlocked') void fill.unlocked().catch(() => undefined);
      if (type === 'content.captured') void fill.captured().catch(() => undefined);
    });
  },
});
