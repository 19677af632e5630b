// Pages built for the fill end-to-end suite, beside the fixture forms: each shows one way a code field reaches a page.
import QRCode from 'qrcode';

const escapeAttribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * A single-page login: the e-mail/password step is shown first, and after a second the script swaps in the
 * one-time-code step and changes the address with pushState, as SPA routers do. Nothing reloads.
 */
function latePage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head>
<body>
  <main id="app">
    <h1>Sign in</h1>
    <form id="password-step"><label>Email <input type="email" name="email" value="alice@example.com"></label>
      <label>Password <input type="password" name="password" value="hunter22"></label></form>
    <p>Checking your password…</p>
  </main>
  <script>
    setTimeout(() => {
      document.getElementById('app').innerHTML =
        '<h1>Two-step verification</h1>' +
        '<form id="otp-step" method="post" action="/late/verify">' +
        '<label for="late-otp">Enter the code from your authenticator app</label>' +
        '<input id="late-otp" name="otp" inputmode="numeric" autocomplete="one-time-code">' +
        '<button type="submit">Verify</button></form>';
      history.pushState({}, '', '/late/otp');
    }, 1000);
  </script>
</body></html>`;
}

/**
 * A page that embeds `src` (a fixture form, possibly from another origin) in a frame large enough for the
 * extension's panel to show inside it.
 */
function framePage(params: URLSearchParams): string {
  const src = params.get('src') ?? '/forms/keycloak-otp-step.html';
  if (!/^(\/|http:\/\/(127\.0\.0\.1|localhost):\d+\/)/.test(src)) return '<!doctype html><p>bad src</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Company portal</title>
<style>body { margin: 0; font-family: sans-serif; } header { height: 60px; padding: 0 16px; }
iframe { display: block; margin-left: 40px; border: 0; width: 640px; height: 460px; }</style></head>
<body>
  <header><h1>Company portal</h1></header>
  <iframe id="login-frame" title="Sign in" src="${escapeAttribute(src)}"></iframe>
</body></html>`;
}

/**
 * A code step whose field sits about 150 px above the bottom of the window: room for a short notice below it,
 * not for a chooser with a few accounts, which must then open above the field to stay reachable.
 */
function lowFieldPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in</title>
<style>body { margin: 0; font-family: sans-serif; } #spacer { height: calc(100vh - 180px); padding: 8px; box-sizing: border-box; }
form { height: 30px; padding: 0 8px; }</style></head>
<body>
  <div id="spacer"><h1>Sign in to your account</h1></div>
  <form method="post" action="/low/verify"><label for="otp">One-time code</label> <input id="otp" name="otp" autocomplete="one-time-code">
    <button type="submit">Sign in</button></form>
</body></html>`;
}

/**
 * A sign-in form that stays in the page while, after `delay` ms (default 800), a "Two-factor authentication" modal
 * is rendered into a portal at the end of <body> and fades in (opacity and scale transitions, as UI kits do).
 * `role=none` leaves out role=dialog / aria-modal. No DOM change marks the end of the fade.
 */
function lateDialogPage(params: URLSearchParams): string {
  const delay = Number(params.get('delay') ?? 800);
  const role = params.get('role') === 'none' ? '' : ' role="dialog" aria-modal="true" aria-labelledby="mfa-title"';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in</title>
<style>body { font-family: sans-serif; }
.backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.5); display: flex; align-items: center; justify-content: center; opacity: 0; transition: opacity .35s ease-in; }
.backdrop.open { opacity: 1; }
.modal { background: #fff; padding: 24px; border-radius: 8px; width: 360px; transform: scale(.9); transition: transform .35s; }
.open .modal { transform: none; }</style></head>
<body>
  <main id="root"><h1>Sign in to Acme</h1>
    <form id="login" method="post" action="/session"><label>Email <input type="email" name="email" value="alice@example.com"></label>
      <label>Password <input type="password" name="password" value="hunter22"></label><button type="submit">Sign in</button></form></main>
  <script>
    setTimeout(() => {
      const portal = document.createElement('div');
      portal.className = 'backdrop';
      portal.innerHTML = '<div class="modal"${role}><h2 id="mfa-title">Two-factor authentication</h2>' +
        '<p>Enter the 6-digit code from your authenticator app.</p>' +
        '<form method="post" action="/session/mfa"><input id="mfa-code" name="code" inputmode="numeric" maxlength="6" autocomplete="off">' +
        '<button type="submit">Verify</button></form></div>';
      document.body.append(portal);
      requestAnimationFrame(() => requestAnimationFrame(() => portal.classList.add('open')));
    }, ${Number.isFinite(delay) ? delay : 800});
  </script>
</body></html>`;
}

/** A QR code as inline SVG, drawn from the `qrcode` library's module matrix. */
function qrSvg(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size + 8;
  let path = '';
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) if (modules.get(x, y)) path += `M${x + 4} ${y + 4}h1v1h-1z`;
  }
  return `<svg id="qr" width="220" height="220" viewBox="0 0 ${size} ${size}" role="img" aria-label="QR code" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

/**
 * An account-settings page that sets up a NEW authenticator for an account that may already be saved: the QR code
 * of `secret` (issuer Acme Corp, account alice@example.com) and a confirmation field. With `qr=hidden` the code
 * and key sit behind a closed "Can't scan it?" toggle, as on the step after the QR.
 */
function setupPage(params: URLSearchParams): string {
  const secret = (params.get('secret') ?? '').replace(/[^A-Z2-7]/g, '');
  const uri = `otpauth://totp/Acme%20Corp:alice%40example.com?secret=${secret}&issuer=Acme%20Corp`;
  const qr = params.get('qr') === 'hidden' ? `<details><summary>Can't scan it?</summary>${qrSvg(uri)}<p>Key: <code>${secret}</code></p></details>` : qrSvg(uri);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Security settings</title></head>
<body style="font-family:sans-serif;margin:24px">
  <h1>Set up your authenticator app</h1>
  <p>Scan this QR code with your authenticator app, then enter the 6-digit code it shows to confirm.</p>
  ${qr}
  <form method="post" action="/settings/2fa/confirm">
    <label for="confirm-code">Verification code</label>
    <input id="confirm-code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6">
    <button type="submit">Confirm</button>
  </form>
</body></html>`;
}

/** Composed pages by path. */
export const composedPages: Record<string, (params: URLSearchParams) => string> = {
  '/late.html': latePage,
  '/late-dialog.html': lateDialogPage,
  '/setup.html': setupPage,
  '/frame.html': framePage,
  '/low.html': lowFieldPage,
};
