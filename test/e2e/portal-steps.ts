import type { Page } from 'puppeteer-core';

/** Clicks and waits for the navigation it starts (the portal is server-rendered). */
export async function clickAndWait(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
}

/** Reads the page's main heading. */
export async function heading(page: Page): Promise<string> {
  return page.$eval('main > h1', (h) => h.textContent?.trim() ?? '');
}

/** Waits until the input holds a full code (filled by the extension) and returns it. */
export async function waitForFilled(page: Page, selector: string, digits = 6, timeout = 40_000): Promise<string> {
  await page.waitForFunction((s: string, n: number) => (document.querySelector<HTMLInputElement>(s)?.value ?? '').length === n, { timeout }, selector, digits);
  return page.$eval(selector, (i) => (i as HTMLInputElement).value);
}

/** Types into a field after clearing it. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.$eval(selector, (i) => ((i as HTMLInputElement).value = ''));
  await page.type(selector, text);
}

/** Admin page: ticks "Enable Multifactor Authentication" for one user (the portal then mails a reset link). */
export async function enableMfa(page: Page, portalUrl: string, email: string): Promise<void> {
  await page.goto(`${portalUrl}/admin`);
  await clickAndWait(page, `button.enable-mfa[data-email="${email}"]`);
}

/** Opens the newest email in the portal's outbox and follows its password-reset link. */
export async function openResetEmail(page: Page, portalUrl: string): Promise<void> {
  await page.goto(`${portalUrl}/outbox`);
  await clickAndWait(page, 'a.mail-link');
}

/** Sets the new password on the reset page; the portal answers with the enrolment QR page. */
export async function setNewPassword(page: Page, password: string): Promise<void> {
  await page.type('#password', password);
  await page.type('#confirm', password);
  await clickAndWait(page, '#change-password');
  await page.waitForSelector('img#totp-qr');
}

/** Classic portal: opens the login form and types email and password (the one-time code is left to the extension). */
export async function typeClassicLogin(page: Page, portalUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${portalUrl}/login`);
  await typeInto(page, '#email', email);
  await typeInto(page, '#password', password);
}

/** Console: username → Continue → password → Login; ends on the enrolment page or the method choice. */
export async function signInToConsole(page: Page, portalUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${portalUrl}/console/login`);
  await page.type('#email', email);
  await clickAndWait(page, '#continue');
  await page.type('#password', password);
  await clickAndWait(page, '#login');
}
