import { Secret, TOTP } from 'otpauth';
import type { Page } from 'puppeteer-core';
import { PANEL_TAG } from '../../src/testing';
import { clickAndWait, typeInto } from './portal-steps';

/** OATHAuth's TOTP parameters: the otpauth URI names none, so the RFC 6238 defaults apply. */
export const PERIOD_MS = 30_000;

/** The wiki's login page. */
export const loginUrl = (origin: string) => `${origin}/index.php?title=Special:UserLogin`;

/** Types the user name (clearing the one the wiki remembers) and the password, then submits the first step. */
export async function submitPassword(page: Page, origin: string, user: string, password: string): Promise<void> {
  await page.goto(loginUrl(origin));
  await typeInto(page, '#wpName1', user);
  await typeInto(page, '#wpPassword1', password);
  await clickAndWait(page, '#wpLoginAttempt');
}

/** Who the wiki's server says the page's session belongs to (its API, with the page's own cookies). */
export async function whoAmI(page: Page): Promise<{ id: number; name: string }> {
  // A string, so the bundler adds no helpers the page does not have.
  return page.evaluate(
    `fetch('/api.php?action=query&meta=userinfo&format=json').then((r) => r.json()).then((j) => ({ id: j.query.userinfo.id, name: j.query.userinfo.name }))`,
  ) as Promise<{ id: number; name: string }>;
}

/** Confirms the wiki's logout form (a GET alone only asks). */
export async function signOut(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/index.php?title=Special:UserLogout`);
  await clickAndWait(page, 'form[action*="UserLogout"] button[type="submit"]');
}

/** The text of the wiki page's content area. */
export async function contentText(page: Page): Promise<string> {
  return page.$eval('#mw-content-text', (el) => el.textContent ?? '');
}

/** The TOTP step (near `now`) whose code this is for the secret, or undefined when none matches. */
export function stepOfCode(secretBase32: string, code: string, now = Date.now()): number | undefined {
  const totp = new TOTP({ secret: Secret.fromBase32(secretBase32), algorithm: 'SHA1', digits: 6, period: PERIOD_MS / 1000 });
  const delta = totp.validate({ token: code, timestamp: now, window: 2 });
  return delta === null ? undefined : totp.counter({ timestamp: now }) + delta;
}

/** Waits until the extension's waiting panel is shown while the code field is still empty. */
export async function waitForWaitingPanel(page: Page, fieldSelector: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (tag: string, selector: string) => document.querySelector(tag) !== null && document.querySelector<HTMLInputElement>(selector)?.value === '',
    { timeout },
    PANEL_TAG,
    fieldSelector,
  );
}

/**
 * Clock alignment, not a wait for the extension: the replay check needs a second sign-in that lands in the same
 * 30-s period as the first. The first one is filled with the code of the current period (or, right after
 * `lastUsedStep`, of the next one); when that period has less than `neededMs` left, start in the next period.
 */
export async function leaveTimeInPeriod(lastUsedStep: number, neededMs = 20_000): Promise<void> {
  const now = Date.now();
  const current = Math.floor(now / PERIOD_MS);
  if (lastUsedStep >= current) return; // the extension waits for the next period itself and fills at its start
  const left = (current + 1) * PERIOD_MS - now;
  if (left < neededMs) await new Promise((resolve) => setTimeout(resolve, left + 200));
}
