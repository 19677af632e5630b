import browser, { type Runtime } from 'webextension-polyfill';
import type { BackgroundToContent } from '../src/messages';
import { createBackgroundContext } from '../src/background/create-context';
import { routeMessage } from '../src/background/router';
import { AUTO_LOCK_DUE_ALARM, runAutoLockCheck } from '../src/background/auto-lock-check';

const AUTO_LOCK_ALARM = 'auto-lock';
const FILL_MENU_ID = 'fill-one-time-code';

export default defineBackground(() => {
  const context = createBackgroundContext(browser);
  const extension = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };

  // The unlocked key lives in session storage: keep it away from content scripts (Chrome's default; said again).
  const session = browser.storage.session as unknown as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  void session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    routeMessage(message, sender, context, extension),
  );

  void browser.alarms.create(AUTO_LOCK_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === AUTO_LOCK_ALARM || alarm.name === AUTO_LOCK_DUE_ALARM) void runAutoLockCheck(context).catch(() => undefined);
  });

  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({ id: FILL_MENU_ID, title: browser.i18n.getMessage('menuFillCode'), contexts: ['editable'] }),
    );
  });
  const askTabToFill = (tabId: number | undefined, frameId?: number) => {
    if (tabId === undefined) return;
    const message: BackgroundToContent = { type: 'content.fillFocused' };
    void browser.tabs.sendMessage(tabId, message, frameId === undefined ? undefined : { frameId }).catch(() => undefined);
  };
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === FILL_MENU_ID) askTabToFill(tab?.id, info.frameId);
  });
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'fill-code') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    askTabToFill(tab?.id);
  });
});
