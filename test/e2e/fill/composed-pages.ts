// Pages built for the fill end-to-end suite, beside the fixture forms: each shows one way a code field reaches a page.

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

/** Composed pages by path. */
export const composedPages: Record<string, (params: URLSearchParams) => string> = {
  '/late.html': latePage,
  '/frame.html': framePage,
  '/low.html': lowFieldPage,
};
