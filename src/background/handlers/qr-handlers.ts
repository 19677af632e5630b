import { ProtocolError, QrError } from '../../errors';
import type { OtpAccount } from '../../otp/types';
import type { BackgroundToContent, ScanReport } from '../../messages';
import { decodeImageDataUrl } from '../../qr/decode-image';
import { scanTab, type ScanTabOptions } from '../../qr/scan-tab';
import { collectAccounts, isSameAccount } from '../../import/collect-accounts';
import type { BackgroundContext } from '../context';
import type { SenderKind } from '../sender';
import { parkPending, takePending } from '../pending';
import { normalizeSites } from './account-handlers';
import { requireContent } from './fill-handlers';
import { createCaptureMemory } from '../recent-capture';
import { act, query, rebind, type Handlers } from './handler-types';

/** Scanned accounts awaiting the user's yes, with the tab they came from. */
interface ParkedScan {
  accounts: OtpAccount[];
  tabId: number;
}

async function scanAndPark(context: BackgroundContext, tabId: number, options: ScanTabOptions = {}): Promise<ScanReport> {
  const result = await scanTab(tabId, { browser: context.browser as never }, options);
  const { accounts, skipped } = collectAccounts(result.found.map((f) => f.payload));
  const existing = (await context.vault.status()) === 'unlocked' ? await context.vault.list() : [];
  const notes = [...skipped.map((s) => s.reason), ...result.notes];
  if (result.found.length === 0 && notes.length === 0) notes.push({ key: 'scan_note_nothing_found' });
  return {
    accounts: accounts.map((a) => ({ issuer: a.issuer, accountName: a.accountName, duplicate: existing.some((e) => isSameAccount(e, a)) })),
    notes,
    token: accounts.length > 0 ? await parkPending<ParkedScan>(context, 'scan', { accounts, tabId }) : undefined,
  };
}

/**
 * Saves the scanned accounts bound to `sites`, and remembers the first new TOTP account as just captured there:
 * the set-up page's confirmation field gets its code, whichever route (in-page offer or popup) added it.
 */
async function saveScanned(context: BackgroundContext, token: string, sites: string[]) {
  const { accounts, tabId } = await takePending<ParkedScan>(context, 'scan', token);
  const existing = await context.vault.list();
  const fresh = accounts.filter((a) => !existing.some((e) => isSameAccount(e, a)));
  const added = [];
  for (const account of fresh) added.push(await context.vault.add({ ...account, sites, matchRegistrableDomain: false }));
  const first = added.find((a) => a.type === 'totp');
  if (first) await createCaptureMemory(context.session, context.now).remember(tabId, sites, first.id);
  return { added, tabId: first ? tabId : undefined };
}

/** Tells the scanned tab an account was added from it, so its confirmation field is filled (a closed tab is fine). */
async function tellTabCaptured(context: BackgroundContext, tabId: number | undefined): Promise<void> {
  if (tabId === undefined) return;
  const message: BackgroundToContent = { type: 'content.captured' };
  try {
    await context.browser.tabs.sendMessage(tabId, message);
  } catch {
    // the tab was closed or shows a page without the content script: nothing waits for the code there
  }
}

/** Enrolment offers come from the top frame only: an embedded frame must never get the page's secret bound to it. */
function requireTopFrame(sender: SenderKind) {
  const content = requireContent(sender);
  if (content.frameId !== 0 || (content.topOrigin !== undefined && content.topOrigin !== content.frameOrigin)) {
    throw new ProtocolError('protocol/not-top-frame', 'Accounts can only be added from the page itself, not from an embedded frame.', {
      key: 'error_protocol_not_top_frame',
    });
  }
  return content;
}

async function activeTabId(context: BackgroundContext): Promise<number> {
  const [tab] = await context.browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) {
    throw new QrError('qr/no-tab', 'There is no page to scan. Open the page with the QR code and try again.', { key: 'error_qr_no_tab' });
  }
  return tab.id;
}

/** Scanning the current page for enrolment QR codes and saving what was found. */
export const qrHandlers: Pick<Handlers, 'qr.scanTab' | 'qr.decodeImage' | 'qr.acceptScan' | 'qr.offer' | 'qr.accept'> = {
  'qr.decodeImage': act(async ({ dataUrl }) => ({ text: await decodeImageDataUrl(dataUrl) })),
  'qr.scanTab': act(async ({ tabId }, context) => scanAndPark(context, tabId ?? (await activeTabId(context)))),
  'qr.acceptScan': rebind(async ({ token, sites }, context) => {
    const { added, tabId } = await saveScanned(context, token, normalizeSites(sites));
    await tellTabCaptured(context, tabId);
    return { added: added.map(({ secret: _s, ...view }) => view) };
  }),
  'qr.offer': query(async (_r, context, sender) => scanAndPark(context, requireTopFrame(sender).tabId, { topFrameOnly: true })),
  // The page's content script then asks for the first code itself (fill.request with `setup`), like any fill.
  'qr.accept': rebind(async ({ token }, context, sender) => {
    const content = requireTopFrame(sender);
    const { added } = await saveScanned(context, token, [content.frameOrigin]);
    return { added: added.length };
  }),
};
