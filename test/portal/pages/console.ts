import { html } from '../layout/html';
import { renderPage } from '../layout/page';
import { groupKey } from '../qr';
import { errorBox } from './common';
import { renderDigitBoxes } from './digit-boxes';

/** Console step 1: the username alone. */
export function renderConsoleUsernamePage(view: { error?: string } = {}): string {
  return renderPage({
    title: 'Sign in to the User Console',
    body: html`${errorBox(view.error)}
<form method="post" action="/console/login" id="username-form">
<label for="email">Email</label>
<input type="email" id="email" name="email" autocomplete="username" required autofocus>
<button type="submit" id="continue">Continue</button>
</form>`,
  });
}

/** Console step 2: the password, with the username shown read-only. */
export function renderConsolePasswordPage(view: { email: string; error?: string }): string {
  return renderPage({
    title: 'Enter your password',
    body: html`${errorBox(view.error)}
<p>Signing in as <strong id="signing-in-as">${view.email}</strong> · <a href="/console/login">Not you?</a></p>
<form method="post" action="/console/password" id="password-form">
<input type="email" name="email" value="${view.email}" autocomplete="username" hidden>
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password" required autofocus>
<button type="submit" id="login">Login</button>
</form>`,
  });
}

/** Console step 3: pick the second factor; only TOTP works here, Push is shown but unavailable. */
export function renderMethodPage(): string {
  return renderPage({
    title: 'Choose a verification method',
    body: html`<form method="post" action="/console/method" id="method-form" class="methods">
<button type="submit" name="method" value="totp" id="method-totp">Verification Code (TOTP)</button>
<button type="button" class="secondary" id="method-push" disabled aria-disabled="true">Push (not available)</button>
</form>`,
  });
}

/** Console step 4: the six digit boxes. */
export function renderConsoleTotpPage(view: { email: string; error?: string }): string {
  return renderPage({
    title: 'Enter your verification code',
    digitScript: true,
    body: html`${errorBox(view.error)}
<p>Signing in as <strong id="signing-in-as">${view.email}</strong></p>
<p>Enter the 6-digit code from your authenticator app.</p>
<form method="post" action="/console/totp" id="totp-form" data-digit-form>
${renderDigitBoxes()}
<button type="submit" id="verify">Verify</button>
</form>`,
  });
}

/** Console enrolment: QR, the key beneath it, then the first code to confirm. */
export function renderConsoleEnrolPage(view: { email: string; secret: string; qrDataUrl: string; error?: string }): string {
  return renderPage({
    title: 'Set up your authenticator',
    digitScript: true,
    body: html`${errorBox(view.error)}
<p>Scan this QR code with your authenticator app, or type the key shown beneath it.</p>
<img class="qr" id="totp-qr" src="${view.qrDataUrl}" alt="QR code to add ${view.email} to your authenticator app" width="220" height="220">
<code class="totp-key" id="totp-key">${groupKey(view.secret)}</code>
<form method="post" action="/console/enrol" id="enrol-form" data-digit-form>
<p id="enrol-hint">Enter the first code the app shows to confirm.</p>
${renderDigitBoxes()}
<button type="submit" id="verify">Verify</button>
</form>`,
  });
}
