import { render } from 'preact';
import type { Reply, VaultOverview } from '../../src/messages';
import { unwrapReply } from '../../src/send-request';
import { createBrowserClient } from '../../src/ui/client';
import { EARLY_OVERVIEW_GLOBAL, OPENING_REQUEST, readEmbeddedOverview } from '../../src/ui/first-screen';
import { POPUP_CSS, POPUP_STYLE_ID, PopupRoot, takeOverServedScreen } from '../../src/ui/popup/popup-root';

const client = createBrowserClient();
const root = document.getElementById('app')!;

// Chromium's background serves this page with its first screen already drawn and the answer it was drawn from:
// the script takes over the drawn elements rather than drawing them again.
const served = readEmbeddedOverview(document);
if (served && root.firstElementChild) takeOverServedScreen(root, client, served);
else {
  // Elsewhere (Firefox) the styles travel inside this script rather than as stylesheets: every file an extension
  // page loads delays its first paint, and nothing is drawn before this script renders anyway.
  if (!document.getElementById(POPUP_STYLE_ID)) {
    const style = document.createElement('style');
    style.id = POPUP_STYLE_ID;
    style.textContent = POPUP_CSS;
    document.head.append(style);
  }
  const show = (overview?: VaultOverview) => render(<PopupRoot client={client} overview={overview} />, root);
  // popup-ask.js asked for the overview before this script loaded; ask here only if it did not (or use the
  // answer a served page came with). Nothing renders until the answer is in, so the first render is the finished
  // screen. On failure the App asks again itself and shows the error if that fails too.
  const early = (globalThis as Record<string, unknown>)[EARLY_OVERVIEW_GLOBAL] as Promise<Reply<'vault.overview'>> | undefined;
  if (served) show(served);
  else (early ? early.then((reply) => unwrapReply<'vault.overview'>(reply)) : client.request(OPENING_REQUEST)).then(show, () => show());
}
