import type { Tabs } from 'webextension-polyfill';
import type { BackgroundToContent } from '../messages';

/**
 * Tells every tab's frames that the vault is unlocked, so a field waiting under the unlock hint is filled without
 * the page asking again and again. Pages without the content script (browser pages) refuse the message; that is
 * expected and ignored. The frames still ask for their code the usual way, with every check of a fill.
 */
export async function tellTabsUnlocked(tabs: Pick<Tabs.Static, 'query' | 'sendMessage'>): Promise<void> {
  const message: BackgroundToContent = { type: 'content.unlocked' };
  const ids = (await tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
  await Promise.allSettled(ids.map(async (id) => tabs.sendMessage(id, message)));
}
