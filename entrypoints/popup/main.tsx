import { render } from 'preact';
import type { Reply, VaultOverview } from '../../src/messages';
import { unwrapReply } from '../../src/send-request';
import { createBrowserClient } from '../../src/ui/client';
import { ClientContext } from '../../src/ui/client-context';
import { EARLY_OVERVIEW_GLOBAL, OPENING_REQUEST } from '../../src/ui/first-screen';
import { applyPageLanguage } from '../../src/ui/i18n';
import { App } from './App';
import '../../src/ui/base.css';
import './style.css';

applyPageLanguage();
const client = createBrowserClient();
const show = (overview?: VaultOverview) =>
  render(
    <ClientContext.Provider value={client}>
      <App overview={overview} />
    </ClientContext.Provider>,
    document.getElementById('app')!,
  );

// popup-ask.js sent the opening request before this script loaded; ask here only if it did not. Nothing renders
// until the answer is in, so the first render is the finished screen. On failure the App asks again itself and
// shows the error if that fails too.
const early = (globalThis as Record<string, unknown>)[EARLY_OVERVIEW_GLOBAL] as Promise<Reply<'vault.overview'>> | undefined;
(early ? early.then((reply) => unwrapReply<'vault.overview'>(reply)) : client.request(OPENING_REQUEST)).then(show, () => show());
