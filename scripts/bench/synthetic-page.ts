/** What goes into a generated benchmark page. */
export interface SyntheticPageOptions {
  /** Roughly how many elements the page holds. */
  elements?: number;
  /** Adds a one-time-code form ("Verification code", six digits) to the page. */
  otpField?: boolean;
}

const WORDS = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua'.split(' ');

function words(seed: number, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += (i ? ' ' : '') + WORDS[(seed * 7 + i * 3) % WORDS.length];
  return out;
}

// One article: 19 elements (section, h2, p with a link and emphasis, a list of five items with links, a figure).
function article(i: number): string {
  const items = Array.from({ length: 5 }, (_, k) => `<li><a href="/item/${i}/${k}">${words(i + k, 3)}</a></li>`).join('');
  return `<section class="article" id="a${i}"><h2>${words(i, 4)}</h2><p>${words(i + 1, 18)} <a href="/more/${i}">more</a> <em>${words(i + 2, 2)}</em>.</p>`
    + `<ul class="links">${items}</ul><figure><img alt="" width="80" height="40" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><figcaption>${words(i + 3, 3)}</figcaption></figure></section>`;
}

const OTP_FORM = `<form class="mfa" action="/verify" method="post"><h2>Two-step verification</h2>
<p>Open your authenticator app and enter the code it shows.</p>
<label for="code">Verification code</label><input id="code" name="code" inputmode="numeric" maxlength="6" style="width:140px">
<button type="submit">Verify</button></form>`;

const LOGIN_FORM = `<form class="login" action="/login" method="post"><h2>Sign in</h2>
<label for="email">Email</label><input id="email" name="email" type="email" style="width:220px">
<label for="password">Password</label><input id="password" name="password" type="password" style="width:220px">
<button type="submit">Sign in</button></form>`;

/**
 * A generated page of about `elements` elements (navigation, articles with lists and images, a search box and a
 * newsletter field in the footer), with either a one-time-code form or a sign-in form near the top.
 */
export function syntheticPageHtml(options: SyntheticPageOptions = {}): string {
  const target = options.elements ?? 5000;
  const nav = Array.from({ length: 40 }, (_, i) => `<li><a href="/section/${i}">${words(i, 1)}</a></li>`).join('');
  const articles = Array.from({ length: Math.max(1, Math.round((target - 120) / 19)) }, (_, i) => article(i)).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Example intranet</title>
<style>body{font-family:sans-serif;margin:0}header,footer{background:#eee;padding:8px}main{display:grid;grid-template-columns:1fr 240px;gap:16px;padding:16px}
.article{border-bottom:1px solid #ddd;padding:8px 0}.links{display:flex;gap:8px;list-style:none;padding:0}</style></head>
<body><header><nav><ul class="links">${nav}</ul></nav><input type="search" name="q" placeholder="Search" style="width:200px"></header>
<main><div class="content">${options.otpField ? OTP_FORM : LOGIN_FORM}${articles}</div><aside><h3>${words(3, 2)}</h3><p>${words(5, 30)}</p></aside></main>
<footer><p>${words(9, 12)}</p><label>Newsletter <input type="email" name="newsletter" style="width:200px"></label></footer></body></html>`;
}
