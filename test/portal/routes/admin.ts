import type { Routes } from '../context';
import { readForm, redirect, sendHtml } from '../http';
import { renderAdminPage } from '../pages/admin';
import { renderOutboxPage } from '../pages/classic';
import { addUser, enableMfa, normalizeEmail, unlockUser } from '../state';

/** The administrator's side of the demo: the user list with the MFA switch, and the outbox standing in for email. */
export const adminRoutes: Routes = {
  'GET /admin': (ctx) => {
    const params = ctx.url.searchParams;
    const notice = params.get('enabled')
      ? `Multifactor authentication enabled for ${params.get('enabled')}. An email was sent: open the outbox.`
      : params.get('unlocked') ? `${params.get('unlocked')} was unlocked.`
      : params.get('added') ? `${params.get('added')} was added.` : undefined;
    sendHtml(ctx.res, 200, renderAdminPage([...ctx.state.users.values()], { notice }));
  },

  'POST /admin/enable-mfa': async (ctx) => {
    const user = ctx.state.users.get(normalizeEmail((await readForm(ctx.req)).email ?? ''));
    if (!user) return sendHtml(ctx.res, 404, renderAdminPage([...ctx.state.users.values()], { error: 'No user with that email.' }));
    if (!user.mfaEnabled) enableMfa(ctx.state, user);
    redirect(ctx.res, `/admin?enabled=${encodeURIComponent(user.email)}`);
  },

  'POST /admin/unlock': async (ctx) => {
    const user = ctx.state.users.get(normalizeEmail((await readForm(ctx.req)).email ?? ''));
    if (!user) return sendHtml(ctx.res, 404, renderAdminPage([...ctx.state.users.values()], { error: 'No user with that email.' }));
    unlockUser(user);
    redirect(ctx.res, `/admin?unlocked=${encodeURIComponent(user.email)}`);
  },

  'POST /admin/users': async (ctx) => {
    const form = await readForm(ctx.req);
    const email = normalizeEmail(form.email ?? '');
    const users = () => [...ctx.state.users.values()];
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) return sendHtml(ctx.res, 400, renderAdminPage(users(), { error: 'Enter an email address such as carol@example.com.' }));
    if (ctx.state.users.has(email)) return sendHtml(ctx.res, 409, renderAdminPage(users(), { error: `${email} already exists.` }));
    addUser(ctx.state, { email, password: form.password || null, flow: form.flow === 'console' ? 'console' : 'classic' });
    redirect(ctx.res, `/admin?added=${encodeURIComponent(email)}`);
  },

  'GET /outbox': (ctx) => sendHtml(ctx.res, 200, renderOutboxPage(ctx.state.outbox)),
};
