// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEnrolmentOffer, type OfferChannel } from '../../src/content/enrolment-offer';
import type { ScanReport } from '../../src/messages';

const NOTHING: ScanReport = { accounts: [], notes: [{ key: 'scan_note_nothing_found' }] };
const ONE: ScanReport = { accounts: [{ issuer: 'JumpCloud', accountName: 'alice@example.com', duplicate: false }], notes: [], token: 't1' };

function channelWith(reports: ScanReport[]) {
  const pending: Array<() => void> = [];
  const scan = vi.fn(
    () =>
      new Promise<ScanReport>((resolve) => {
        const report = reports.shift() ?? NOTHING;
        pending.push(() => resolve(report));
      }),
  );
  const channel: OfferChannel = { scan, accept: vi.fn(), captured: vi.fn() };
  return { channel, scan, finishNext: () => pending.shift()?.() };
}

const panelShown = () => document.querySelector('portal-authenticator-panel') !== null;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('createEnrolmentOffer', () => {
  it('scans again when the cue comes back while a scan is running (the QR image loaded meanwhile)', async () => {
    const { channel, scan, finishNext } = channelWith([NOTHING, ONE]);
    const offer = createEnrolmentOffer(channel, document, { retryMs: 60_000 });
    const first = offer.maybeOffer();
    await offer.maybeOffer(); // the image's load event, while the first scan still runs
    expect(scan).toHaveBeenCalledTimes(1);
    finishNext();
    await vi.waitFor(() => expect(scan).toHaveBeenCalledTimes(2));
    finishNext();
    await first;
    expect(panelShown()).toBe(true);
  });

  it('offers once per page: a later cue after the offer does not scan again', async () => {
    const { channel, scan, finishNext } = channelWith([ONE]);
    const offer = createEnrolmentOffer(channel, document);
    const first = offer.maybeOffer();
    finishNext();
    await first;
    await offer.maybeOffer();
    expect(scan).toHaveBeenCalledTimes(1);
  });

  it('looks again by itself after a scan that finds nothing, at most three scans per page', async () => {
    const scan = vi.fn(async () => NOTHING);
    const offer = createEnrolmentOffer({ scan, accept: vi.fn(), captured: vi.fn() }, document, { retryMs: 5 });
    await offer.maybeOffer();
    await vi.waitFor(() => expect(scan).toHaveBeenCalledTimes(3));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await offer.maybeOffer();
    expect(scan).toHaveBeenCalledTimes(3);
    expect(panelShown()).toBe(false);
  });

  it('shows the offer when a later try finds the code (a CSS background that loaded late)', async () => {
    const reports = [NOTHING, ONE];
    const scan = vi.fn(async () => reports.shift() ?? NOTHING);
    const offer = createEnrolmentOffer({ scan, accept: vi.fn(), captured: vi.fn() }, document, { retryMs: 5 });
    await offer.maybeOffer();
    await vi.waitFor(() => expect(panelShown()).toBe(true));
    expect(scan).toHaveBeenCalledTimes(2);
  });
});
