import { ProtocolError, QrError } from '../../errors';
import { totpWindow } from '../../otp';
import type { OtpAccount } from '../../otp/types';
import type { ScanReport } from '../../messages';
import { scanTab, type ScanTabOptions } from '../../qr/scan-tab';
import { collectAccounts, isSameAccount } from '../collect-accounts';
import type { BackgroundContext } from '../context';
import type { SenderKind } from '../sender';
import { parkPending, takePending } from '../pending';
import { normalizeSites } from './account-handlers';
import { frameKey, requireContent } from './fill-handlers';
import type { Handlers } from './handler-types';

async function scanAndPark(context: BackgroundContext, tabId: number, options: ScanTabOptions = {}): Promise<ScanReport> {
  const result = await scanTab(tabId, { browser: context.browser as never }, options);
  const { accounts, skipped } = collectAccounts(result.found.map((f) => f.payload));
  const existing = (await context.vault.status()) === 'unlocked' ? await context.vault.list() : [];
  const notes = [...skipped.map((s) => s.reason), ...result.notes];
  if (result.found.length === 0 && notes.length === 0) notes.push('No QR code was found on this page.');
  return {
    accounts: accounts.map((a) => ({ issuer: a.issuer, accountName: a.accountName, duplicate: existing.some((e) => isSameAccount(e, a)) })),
    notes,
    token: accounts.length > 0 ? await parkPending(context, 'scan', accounts) : undefined,
  };
}

async function saveScanned(context: BackgroundContext, token: string, sites: string[]) {
  const accounts = await takePending<OtpAccount[]>(context, 'scan', token);
  const existing = await context.vault.list();
  const fresh = accounts.filter((a) => !existing.some((e) => isSameAccount(e, a)));
  const added = [];
  for (const account of fresh) added.push(await context.vault.add({ ...account, sites, matchRegistrableDomain: false }));
  return { added };
}

/** Enrolment offers come from the top frame only: an embedded frame must never get the page's secret bound to it. */
function requireTopFrame(sender: SenderKind) {
  const content = requireContent(sender);
  if (content.frameId !== 0 || (content.topOrigin !== undefined && content.topOrigin !== content.frameOrigin)) {
    throw new ProtocolError('protocol/not-top-frame', 'Accounts can only be added from the page itself, not from an embedded frame.');
  }
  return content;
}

async function activeTabId(context: BackgroundContext): Promise<number> {
  const [tab] = await context.browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new QrError('qr/no-tab', 'There is no page to scan. Open the page with the QR code and try again.');
  return tab.id;
}

/** Scanning the current page for enrolment QR codes and saving what was found. */
export const qrHandlers: Pick<Handlers, 'qr.scanTab' | 'qr.acceptScan' | 'qr.offer' | 'qr.accept'> = {
  'qr.scanTab': async ({ tabId }, context) => scanAndPark(context, tabId ?? (await activeTabId(context))),
  'qr.acceptScan': async ({ token, sites }, context) => {
    const { added } = await saveScanned(context, token, normalizeSites(sites));
    return { added: added.map(({ secret: _s, ...view }) => view) };
  },
  'qr.offer': async (_r, context, sender) => scanAndPark(context, requireTopFrame(sender).tabId, { topFrameOnly: true }),
  'qr.accept': async ({ token }, context, sender) => {
    const content = requireTopFrame(sender);
    const { added } = await saveScanned(context, token, [content.frameOrigin]);
    const first = added.find((a) => a.type === 'totp');
    if (!first) return { added: added.length };
    // Once the page submits the confirmation code, later logins in this period must wait for the next one.
    const window = totpWindow(first, context.now());
    await context.replay.handOut(frameKey(content), content.frameOrigin, first.id, window.counter);
    return { added: added.length, firstCode: window.code };
  },
};
