import { checkCode, checkPassword, recordSuccessfulLogin, type AuthFailure } from '../auth';
import { findSession, moveSession, type RequestContext, type Routes } from '../context';
import { readForm, redirect, sendHtml } from '../http';
import { renderHomePage, renderLockedPage } from '../pages/common';
import {
  renderConsoleEnrolPage,
  renderConsolePasswordPage,
  renderConsoleTotpPage,
  renderConsoleUsernamePage,
  renderMethodPage,
} from '../pages/console';
import { readSubmittedCode } from '../pages/digit-boxes';
import { buildOtpauthUri, renderQrDataUrl } from '../qr';
import type { PortalUser } from '../state';

const START = '/console/login';

async function sendEnrolPage(ctx: RequestContext, user: PortalUser, secret: string, error?: string): Promise<void> {
  const qrDataUrl = await renderQrDataUrl(buildOtpauthUri(user.email, secret));
  sendHtml(ctx.res, error ? 401 : 200, renderConsoleEnrolPage({ email: user.email, secret, qrDataUrl, error }));
}

function sendFailure(ctx: RequestContext, failure: AuthFailure, renderAgain: (error: string) => void | Promise<void>) {
  return failure.locked ? sendHtml(ctx.res, 423, renderLockedPage()) : renderAgain(failure.message);
}

/** Today's console: username → password → method → six digit boxes; first-time users enrol by confirming a code. */
export const consoleRoutes: Routes = {
  'GET /console/login': (ctx) => sendHtml(ctx.res, 200, renderConsoleUsernamePage()),

  // Like the real console, an unknown username still goes to the password step, so it reveals nothing.
  'POST /console/login': async (ctx) => {
    const email = (await readForm(ctx.req)).email?.trim() ?? '';
    if (!email.includes('@')) return sendHtml(ctx.res, 400, renderConsoleUsernamePage({ error: 'Enter your email address, e.g. alice@example.com.' }));
    moveSession(ctx, email.toLowerCase(), 'password', '/console/password');
  },

  'GET /console/password': (ctx) => {
    const found = findSession(ctx, 'password');
    if (!found) return redirect(ctx.res, START);
    sendHtml(ctx.res, 200, renderConsolePasswordPage({ email: found.session.email }));
  },

  'POST /console/password': async (ctx) => {
    const found = findSession(ctx, 'password');
    if (!found) return redirect(ctx.res, START);
    const email = found.session.email;
    const login = checkPassword(ctx.state, email, (await readForm(ctx.req)).password ?? '');
    if (!login.ok) return sendFailure(ctx, login, (error) => sendHtml(ctx.res, 401, renderConsolePasswordPage({ email, error })));
    const { user } = login;
    if (!user.mfaEnabled) {
      recordSuccessfulLogin(user);
      return moveSession(ctx, user.email, 'authenticated', '/console/home');
    }
    if (!user.enrolled) return moveSession(ctx, user.email, 'enrol-console', '/console/enrol');
    moveSession(ctx, user.email, 'method', '/console/method');
  },

  'GET /console/method': (ctx) => {
    if (!findSession(ctx, 'method')) return redirect(ctx.res, START);
    sendHtml(ctx.res, 200, renderMethodPage());
  },

  'POST /console/method': async (ctx) => {
    const found = findSession(ctx, 'method');
    if (!found) return redirect(ctx.res, START);
    if ((await readForm(ctx.req)).method !== 'totp') return sendHtml(ctx.res, 400, renderMethodPage());
    moveSession(ctx, found.session.email, 'totp', '/console/totp');
  },

  'GET /console/totp': (ctx) => {
    const found = findSession(ctx, 'totp');
    if (!found) return redirect(ctx.res, START);
    sendHtml(ctx.res, 200, renderConsoleTotpPage({ email: found.session.email }));
  },

  'POST /console/totp': async (ctx) => {
    const found = findSession(ctx, 'totp');
    if (!found?.user) return redirect(ctx.res, START);
    const user = found.user;
    const result = checkCode(ctx.state, user, readSubmittedCode(await readForm(ctx.req)));
    if (!result.ok) return sendFailure(ctx, result, (error) => sendHtml(ctx.res, 401, renderConsoleTotpPage({ email: user.email, error })));
    recordSuccessfulLogin(user);
    moveSession(ctx, user.email, 'authenticated', '/console/home');
  },

  'GET /console/enrol': async (ctx) => {
    const found = findSession(ctx, 'enrol-console');
    const secret = found?.user?.totpSecret;
    if (!found?.user || !secret) return redirect(ctx.res, START);
    await sendEnrolPage(ctx, found.user, secret);
  },

  // A wrong first code keeps the same secret, so the account already added to the app stays valid.
  'POST /console/enrol': async (ctx) => {
    const found = findSession(ctx, 'enrol-console');
    const secret = found?.user?.totpSecret;
    if (!found?.user || !secret) return redirect(ctx.res, START);
    const user = found.user;
    const result = checkCode(ctx.state, user, readSubmittedCode(await readForm(ctx.req)));
    if (!result.ok) return sendFailure(ctx, result, (error) => sendEnrolPage(ctx, user, secret, error));
    user.enrolled = true;
    recordSuccessfulLogin(user);
    moveSession(ctx, user.email, 'authenticated', '/console/home');
  },

  'GET /console/home': (ctx) => {
    const found = findSession(ctx, 'authenticated');
    if (!found?.user) return redirect(ctx.res, START);
    sendHtml(ctx.res, 200, renderHomePage(found.user.email));
  },
};
