import { html } from '../layout/html';
import { renderPage } from '../layout/page';
import type { PortalUser } from '../state';
import { errorBox, noticeBox } from './common';

function renderUserRow(user: PortalUser) {
  const status = user.locked
    ? html`<span class="badge locked">Locked</span>`
    : user.mfaEnabled
      ? html`<span class="badge on">${user.enrolled ? 'MFA active' : 'MFA pending setup'}</span>`
      : html`<span class="badge">MFA off</span>`;
  const enable = html`<form method="post" action="/admin/enable-mfa">
<input type="hidden" name="email" value="${user.email}">
<button type="submit" class="enable-mfa" data-email="${user.email}"${user.mfaEnabled ? ' disabled' : ''}>Enable Multifactor Authentication on the User Portal</button>
</form>`;
  const unlock = user.locked
    ? html`<form method="post" action="/admin/unlock"><input type="hidden" name="email" value="${user.email}"><button type="submit" class="secondary unlock" data-email="${user.email}">Unlock</button></form>`
    : '';
  return html`<tr data-email="${user.email}"><td>${user.email}</td><td>${user.flow}</td><td>${status}</td><td>${enable}${unlock}</td></tr>`;
}

/** The administrator's user list with the per-user MFA switch and a form to add a user. */
export function renderAdminPage(users: readonly PortalUser[], view: { notice?: string; error?: string } = {}): string {
  return renderPage({
    title: 'Administrator: Users',
    wide: true,
    body: html`${noticeBox(view.notice)}${errorBox(view.error)}
<table id="users">
<thead><tr><th>Email</th><th>Login flow</th><th>Status</th><th>Actions</th></tr></thead>
<tbody>${users.map(renderUserRow)}</tbody>
</table>
<h2>Add a user</h2>
<form method="post" action="/admin/users" id="add-user-form">
<label for="new-email">Email</label>
<input type="email" id="new-email" name="email" autocomplete="off" required>
<label for="new-password">Password (optional: without one, the user sets it from the email)</label>
<input type="password" id="new-password" name="password" autocomplete="new-password">
<label for="new-flow">Login flow</label>
<select id="new-flow" name="flow"><option value="classic">2017 User Portal</option><option value="console">User Console</option></select>
<button type="submit" id="add-user">Add user</button>
</form>
<p class="muted"><a href="/outbox">Open the outbox</a> to read the emails users receive.</p>`,
  });
}
