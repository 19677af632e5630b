import { html } from '../layout/html';
import { renderPage } from '../layout/page';
import { groupKey } from '../qr';
import type { OutboxMessage } from '../state';
import { errorBox, noticeBox } from './common';

/** The 2017 portal login: email, password and the One-Time Password on one form. */
export function renderClassicLoginPage(view: { email?: string; error?: string; notice?: string } = {}): string {
  return renderPage({
    title: 'User Portal Login',
    body: html`${noticeBox(view.notice)}${errorBox(view.error)}
<form method="post" action="/login" id="login-form">
<label for="email">Email</label>
<input type="email" id="email" name="email" autocomplete="username" value="${view.email ?? ''}" required>
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<label for="otp">One-Time Password</label>
<input type="text" id="otp" name="otp" inputmode="numeric" autocomplete="off">
<p class="muted">Leave empty if multi-factor authentication is not enabled for your account.</p>
<button type="submit" id="login">Login</button>
</form>`,
  });
}

/** "Change Password", reached from the email link. */
export function renderResetPasswordPage(view: { token: string; error?: string }): string {
  return renderPage({
    title: 'Change Password',
    body: html`${errorBox(view.error)}
<form method="post" action="/reset-password" id="reset-form">
<input type="hidden" name="token" value="${view.token}">
<label for="password">New password</label>
<input type="password" id="password" name="password" autocomplete="new-password" minlength="8" required>
<label for="confirm">Confirm new password</label>
<input type="password" id="confirm" name="confirm" autocomplete="new-password" minlength="8" required>
<button type="submit" id="change-password">Change Password</button>
</form>`,
  });
}

/** The 2017 enrolment page: instructions, the QR code, the key in groups of four, and Continue (no code asked). */
export function renderClassicSetupPage(view: { email: string; secret: string; qrDataUrl: string }): string {
  return renderPage({
    title: 'Set up multi-factor authentication',
    body: html`<ol>
<li>Install an authenticator app on your phone, such as Google Authenticator, Microsoft Authenticator or Authy.</li>
<li>In the app, add an account and scan the QR code below. If you cannot scan it, type the key instead.</li>
<li>Click Continue. From now on, sign in with your password and the One-Time Password the app shows.</li>
</ol>
<img class="qr" id="totp-qr" src="${view.qrDataUrl}" alt="QR code to add ${view.email} to your authenticator app" width="220" height="220">
<p class="muted key-label">Key</p>
<code class="totp-key" id="totp-key">${groupKey(view.secret)}</code>
<form method="post" action="/mfa/setup" id="setup-form"><button type="submit" id="continue">Continue</button></form>`,
  });
}

/** The demo mailbox: every email the portal sent, newest first. */
export function renderOutboxPage(messages: readonly OutboxMessage[]): string {
  const items = [...messages].reverse().map(
    (m) => html`<article class="mail" id="mail-${m.id}">
<p class="muted">To: <span class="mail-to">${m.to}</span></p>
<h2 class="mail-subject">${m.subject}</h2>
<p>${m.text}</p>
<p><a class="mail-link" href="${m.link}">${m.linkLabel}</a></p>
</article>`,
  );
  return renderPage({
    title: 'Outbox',
    wide: true,
    body: messages.length ? html`${items}` : html`<p id="outbox-empty">No emails have been sent yet.</p>`,
  });
}
