import { html, type SafeHtml } from '../layout/html';
import { renderPage } from '../layout/page';

/** The error line every form shows above its fields; `role=alert` so screen readers announce it. */
export function errorBox(message: string | undefined): SafeHtml | '' {
  return message ? html`<p class="error" role="alert" id="form-error">${message}</p>` : '';
}

/** A positive status line, e.g. "Your password was changed." */
export function noticeBox(message: string | undefined): SafeHtml | '' {
  return message ? html`<p class="notice" role="status" id="form-notice">${message}</p>` : '';
}

/** Signed-in landing page for both flows. */
export function renderHomePage(email: string): string {
  return renderPage({
    title: `Welcome, ${email}`,
    body: html`<p id="signed-in-as">You are signed in to the Acme Corp User Portal as <strong>${email}</strong>.</p>
<form method="post" action="/logout" id="logout-form"><button type="submit" id="logout">Log out</button></form>`,
  });
}

/** Shown instead of any login step once an account has too many failures. */
export function renderLockedPage(): string {
  return renderPage({
    title: 'Account locked',
    body: html`<p class="error" role="alert" id="form-error">This account is locked after 5 failed sign-in attempts (wrong passwords or codes).</p>
<p>Ask your administrator to unlock it from the <a href="/admin">Administrator page</a>, then sign in again.</p>`,
  });
}

/** A plain message with one link onward. */
export function renderMessagePage(title: string, message: string, link: { href: string; label: string }): string {
  return renderPage({ title, body: html`<p>${message}</p><p><a href="${link.href}">${link.label}</a></p>` });
}

/** The demo's front door, linking every starting point. */
export function renderIndexPage(): string {
  return renderPage({
    title: 'Acme Corp User Portal',
    body: html`<p>A local imitation of the JumpCloud User Portal for demos and tests.</p>
<ul>
<li><a href="/admin">Administrator: users and MFA</a></li>
<li><a href="/outbox">Outbox (emails sent to users)</a></li>
<li><a href="/login">User Portal login (2017 portal)</a></li>
<li><a href="/console/login">User Console login (today's console)</a></li>
</ul>`,
  });
}
