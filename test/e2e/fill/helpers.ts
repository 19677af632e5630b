import * as OTPAuth from 'otpauth';
import type { Frame, Page } from 'puppeteer-core';
import { waitUntilPanelArmed } from '../../../src/testing';

const PANEL = 'portal-authenticator-panel';

/** The code of `secret` at TOTP step `step`, from the independent otpauth library. */
export function oracleCode(secret: string, step: number, period = 30): string {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), period });
  return totp.generate({ timestamp: step * period * 1000 });
}

/**
 * The step whose code is `code`, searched from the step before `fromMs` to the step after `toMs` (a fill may
 * wait for the next period); undefined when the code belongs to none of them.
 */
export function stepOfCode(secret: string, code: string, fromMs: number, toMs: number, period = 30): number | undefined {
  const periodMs = period * 1000;
  for (let step = Math.floor(fromMs / periodMs) - 1; step <= Math.floor(toMs / periodMs) + 1; step++) {
    if (oracleCode(secret, step, period) === code) return step;
  }
  return undefined;
}

/** `promise`, or an error naming `step` once `ms` have passed: a driver call that hangs says which one it was. */
export function within<T>(step: string, ms: number, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${step}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/** Waits until the field under `selector` holds `digits` characters, and returns them. */
export async function waitForValue(frame: Page | Frame, selector: string, digits = 6, timeout = 20_000): Promise<string> {
  await frame.waitForFunction(
    (s: string, n: number) => (document.querySelector<HTMLInputElement>(s)?.value ?? '').length === n,
    // Polled on a timer: a tab behind another draws no frames, and so would never be looked at again.
    { timeout, polling: 100 },
    selector,
    digits,
  );
  return within('read the field', 10_000, frame.$eval(selector, (i) => (i as HTMLInputElement).value));
}

/** Waits until every box under `selector` holds a digit, and returns the boxes' digits joined. */
export async function waitForBoxes(frame: Page | Frame, selector: string, timeout = 20_000): Promise<string> {
  const read = (s: string) => [...document.querySelectorAll<HTMLInputElement>(s)].map((b) => b.value).join('');
  await frame
    .waitForFunction((s: string) => {
      const boxes = [...document.querySelectorAll<HTMLInputElement>(s)];
      return boxes.length > 0 && boxes.every((b) => /^\d$/.test(b.value));
    }, { timeout, polling: 100 }, selector)
    .catch(async (error: Error) => {
      const panel = (await frame.$(PANEL)) !== null;
      throw new Error(`${error.message} on ${frame.url()}: boxes hold "${await frame.evaluate(read, selector)}", panel shown: ${panel}`);
    });
  return frame.evaluate(read, selector);
}

/** The value of a field inside the open shadow root of `host`. */
export async function shadowValue(page: Page, host: string, field: string): Promise<string> {
  return page.$eval(host, (h, f) => h.shadowRoot?.querySelector<HTMLInputElement>(f)?.value ?? '', field);
}

/** The child frame of `page` whose URL contains `part`, once it has loaded. */
export async function frameWithUrl(page: Page, part: string, timeout = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().includes(part));
    if (frame && (await frame.evaluate(() => document.readyState).catch(() => '')) === 'complete') return frame;
    if (Date.now() > deadline) throw new Error(`no frame with ${part} in ${page.url()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The extension panel's box in the frame's own viewport coordinates. */
export async function panelBox(frame: Page | Frame, timeout = 15_000): Promise<{ left: number; top: number; width: number; height: number }> {
  await frame.waitForSelector(PANEL, { timeout });
  return frame.$eval(PANEL, (host) => {
    const r = host.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  });
}

/** The box of the element under `selector`, in its frame's viewport coordinates. */
export async function boxOf(frame: Page | Frame, selector: string): Promise<{ left: number; top: number; bottom: number }> {
  return frame.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, bottom: r.bottom };
  });
}

/**
 * Clicks the first account button of the chooser panel with real mouse clicks. The panel is a closed shadow
 * root, so its buttons cannot be selected: the clicks walk down the panel's left side from below the heading
 * until one closes the panel. Text does not react, and the account buttons come before "Not now", so the first
 * click that closes the panel is on the first account. `offset` is where `frame`'s viewport sits in the page.
 * Returns the y offset (from the panel's top) that hit.
 */
export async function clickFirstChoice(page: Page, frame: Page | Frame = page, offset = { x: 0, y: 0 }): Promise<number> {
  await waitUntilPanelArmed();
  const box = await panelBox(frame);
  // This very panel must go: a choice may open the next one at once (a wait for a fresh code).
  const chooser = await frame.$(PANEL);
  for (let y = 48; y < box.height - 40; y += 8) {
    await page.mouse.click(offset.x + box.left + 40, offset.y + box.top + y);
    const closed = await frame.waitForFunction((el) => !el?.isConnected, { timeout: 250 }, chooser).then(() => true, () => false);
    if (closed) return y;
  }
  throw new Error('no chooser button reacted to a click');
}

/** Where the frame element `selector` of `page` shows its document, in page coordinates. */
export async function frameOffset(page: Page, selector: string): Promise<{ x: number; y: number }> {
  return page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left + el.clientLeft, y: r.top + el.clientTop };
  });
}

/**
 * Sends the keyboard-shortcut / context-menu message (`content.fillFocused`) to the tab whose URL starts with
 * `urlPrefix`, from an extension page, exactly as the background does.
 */
export async function sendFillFocused(extensionPage: Page, urlPrefix: string): Promise<void> {
  const sent = await extensionPage.evaluate(async (prefix: string) => {
    type Tabs = {
      query(q: object): Promise<Array<{ id?: number; url?: string }>>;
      sendMessage(id: number, message: unknown): Promise<unknown>;
    };
    const scope = globalThis as unknown as { browser?: { tabs: Tabs }; chrome: { tabs: Tabs } };
    const tabs = (scope.browser ?? scope.chrome).tabs;
    const tab = (await tabs.query({})).find((t) => t.url?.startsWith(prefix));
    if (tab?.id === undefined) return false;
    // The content script does not answer; only a missing receiver would matter, and the fill shows it.
    await tabs.sendMessage(tab.id, { type: 'content.fillFocused' }).catch(() => undefined);
    return true;
  }, urlPrefix);
  if (!sent) throw new Error(`no tab at ${urlPrefix}`);
}

/** Values of the fields under `selectors` (empty string for a missing field). */
export async function valuesOf(frame: Page | Frame, selectors: string[]): Promise<string[]> {
  return frame.evaluate((list: string[]) => list.map((s) => document.querySelector<HTMLInputElement>(s)?.value ?? ''), selectors);
}
