import { checkCode, checkPassword, recordSuccessfulLogin } from '../auth';
import { endSession, findSession, moveSession, type RequestContext, type Routes } from '../context';
import { readForm, redirect, sendHtml } from '../http';
import { renderClassicLoginPage, renderClassicSetupPage, renderResetPasswordPage } from '../pages/classic';
import { renderHomePage, renderLockedPage, renderMessagePage } from '../pages/common';
import { buildOtpauthUri, renderQrDataUrl } from '../qr';
import { unlockUser } from '../state';

const MIN_PASSWORD_LENGTH = 8;

function sendExpiredLink(ctx: RequestContext): void {
  sendHtml(ctx.res, 400, renderMessagePage('Link expired',
    'This password reset link has expired or was already used. Ask your administrator for a new one.',
    { href: '/login', label: 'Go to the login page' }));
}

/** The 2017 User Portal: email link → Change Password → QR setup → Continue; later logins with a One-Time Password. */
export const classicRoutes: Routes = {
  'GET /login': (ctx) => {
    const notice = ctx.url.searchParams.has('changed') ? 'Your password was changed. Sign in with your new password.' : undefined;
    sendHtml(ctx.res, 200, renderClassicLoginPage({ notice }));
  },

  'POST /login': async (ctx) => {
    const form = await readForm(ctx.req);
    const email = form.email ?? '';
    const again = (message: string) => sendHtml(ctx.res, 401, renderClassicLoginPage({ email, error: message }));
    const login = checkPassword(ctx.state, email, form.password ?? '');
    if (!login.ok) return login.locked ? sendHtml(ctx.res, 423, renderLockedPage()) : again(login.message);
    const { user } = login;
    if (user.mfaEnabled && !user.enrolled) return moveSession(ctx, user.email, 'enrol-classic', '/mfa/setup');
    if (user.mfaEnabled) {
      const code = checkCode(ctx.state, user, form.otp ?? '');
      if (!code.ok) return code.locked ? sendHtml(ctx.res, 423, renderLockedPage()) : again(code.message);
    }
    recordSuccessfulLogin(user);
    moveSession(ctx, user.email, 'authenticated', '/home');
  },

  'GET /reset-password': (ctx) => {
    const token = ctx.url.searchParams.get('token') ?? '';
    if (!ctx.state.resetTokens.has(token)) return sendExpiredLink(ctx);
    sendHtml(ctx.res, 200, renderResetPasswordPage({ token }));
  },

  'POST /reset-password': async (ctx) => {
    const form = await readForm(ctx.req);
    const token = form.token ?? '';
    const email = ctx.state.resetTokens.get(token);
    const user = email === undefined ? undefined : ctx.state.users.get(email);
    if (!user) return sendExpiredLink(ctx);
    const password = form.password ?? '';
    const again = (error: string) => sendHtml(ctx.res, 400, renderResetPasswordPage({ token, error }));
    if (password.length < MIN_PASSWORD_LENGTH) return again(`Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`);
    if (password !== form.confirm) return again('The two passwords do not match. Type the same new password in both fields.');
    user.password = password;
    ctx.state.resetTokens.delete(token);
    unlockUser(user);
    if (user.mfaEnabled && !user.enrolled) return moveSession(ctx, user.email, 'enrol-classic', '/mfa/setup');
    redirect(ctx.res, '/login?changed=1');
  },

  'GET /mfa/setup': async (ctx) => {
    const found = findSession(ctx, 'enrol-classic');
    const secret = found?.user?.totpSecret;
    if (!found?.user || !secret) return redirect(ctx.res, '/login');
    const qrDataUrl = await renderQrDataUrl(buildOtpauthUri(found.user.email, secret));
    sendHtml(ctx.res, 200, renderClassicSetupPage({ email: found.user.email, secret, qrDataUrl }));
  },

  // The 2017 portal trusted the user to have scanned the code: Continue enrols and signs in without asking for one.
  'POST /mfa/setup': (ctx) => {
    const found = findSession(ctx, 'enrol-classic');
    if (!found?.user) return redirect(ctx.res, '/login');
    found.user.enrolled = true;
    recordSuccessfulLogin(found.user);
    moveSession(ctx, found.user.email, 'authenticated', '/home');
  },

  'GET /home': (ctx) => {
    const found = findSession(ctx, 'authenticated');
    if (!found?.user) return redirect(ctx.res, '/login');
    sendHtml(ctx.res, 200, renderHomePage(found.user.email));
  },

  'POST /logout': (ctx) => {
    const found = findSession(ctx, 'authenticated');
    endSession(ctx, found?.user?.flow === 'console' ? '/console/login' : '/login');
  },
};
