import type { FillAnswer, ScanReport } from '../../../src/messages';
import { createEnrolmentOffer } from '../../../src/content/enrolment-offer';
import { createFillController } from '../../../src/content/fill-controller';

// Test page only: the product attaches its panels' shadow roots closed (the page must not read or rewrite them);
// here they are opened so that axe and the test can look inside the very markup the product's modules build.
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init: ShadowRootInit) {
  return attachShadow.call(this, { ...init, mode: 'open' });
};

/** The answer the fake background gives, by the case the test chose. */
const ANSWERS: Record<string, FillAnswer> = {
  locked: { status: 'locked' },
  choose: { status: 'choose', crossOrigin: false, options: [{ id: 'a', label: 'Acme — alice@example.com' }, { id: 'b', label: 'Beta — bob@example.com' }] },
  wait: { status: 'wait', label: 'Acme', waitMs: 60_000, replayWait: false },
  // Eight digits for a six-digit field: the fill is refused with a typed error the panel shows.
  failure: { status: 'fill', code: '12345678', label: 'Acme', submit: false, counterBased: false },
};

const REPORT: ScanReport = { token: 'token', notes: [], accounts: [{ issuer: 'Acme', accountName: 'alice@example.com', duplicate: false }] };

const which = (globalThis as { PANEL_CASE?: string }).PANEL_CASE ?? 'locked';
const never = () => new Promise<never>(() => undefined);
if (which === 'offer') {
  void createEnrolmentOffer({ scan: async () => REPORT, accept: never, captured: async () => undefined }).maybeOffer();
} else {
  void createFillController({
    request: async () => ANSWERS[which]!,
    choose: never,
    openPopup: async () => false,
    submitted: async () => undefined,
  }).scan();
}
