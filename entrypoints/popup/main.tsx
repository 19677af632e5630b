import { render } from 'preact';
import type { Reply, VaultOverview } from '../../src/messages';
import { unwrapReply } from '../../src/send-request';
import { createBrowserClient } from '../../src/ui/client';
import { ClientContext } from '../../src/ui/client-context';
import { EARLY_OVERVIEW_GLOBAL, OPENING_REQUEST } from '../../src/ui/first-screen';
import { App } from './App';
import baseCss from '../../src/ui/base.css?inline';
import popupCss from './style.css?inline';

// The styles travel inside this script rather than as two stylesheets: every file an extension page loads
// delays its first paint, and nothing is drawn before this script renders anyway.
const style = document.createElement('style');
style.textContent = baseCss + popupCss;
document.head.append(style);

const client = createBrowserClient();

const show = (overview?: VaultOverview) =>
  render(
    <ClientContext.Provider value={client}>
      <App overview={overview} />
    </ClientContext.Provider>,
    document.getElementById('app')!,
  );

// popup-ask.js asked for the overview before this script loaded; ask here only if it did not. Nothing renders
// until the answer is in, so the first render is the finished screen. On failure the App asks again itself and
// shows the error if that fails too.
const early = (globalThis as Record<string, unknown>)[EARLY_OVERVIEW_GLOBAL] as Promise<Reply<'vault.overview'>> | undefined;
const overview: Promise<VaultOverview> = early ? early.then((reply) => unwrapReply<'vault.overview'>(reply)) : client.request(OPENING_REQUEST);
overview.then(show, () => show());
