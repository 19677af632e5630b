import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type Portal } from './server';
import { createClient, readHeading, readInputs } from './test-client';

let portal: Portal;
beforeAll(async () => {
  portal = await startPortal({ seed: true });
});
afterAll(() => portal.close());

const json = async (path: string, init?: RequestInit) => {
  const response = await fetch(`${portal.url}${path}`, init);
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
};
const input = (html: string, id: string) => readInputs(html).find((tag) => tag.includes(`id="${id}"`)) ?? '';

describe('page headings and the fields the extension relies on', () => {
  it('renders the classic login with email, password and a plain One-Time Password field', async () => {
    const page = await createClient(portal.url).get('/login');
    expect(readHeading(page.html)).toBe('User Portal Login');
    expect(page.html).toContain('Acme Corp<span class="sep">·</span>User Portal');
    expect(input(page.html, 'email')).toContain('name="email"');
    expect(input(page.html, 'password')).toContain('name="password"');
    const otp = input(page.html, 'otp');
    expect(otp).toMatch(/name="otp"/);
    expect(otp).toMatch(/inputmode="numeric"/);
    expect(otp).toMatch(/autocomplete="off"/);
    expect(page.html).toContain('<label for="otp">One-Time Password</label>');
    expect(page.html).toMatch(/<button type="submit" id="login">Login<\/button>/);
  });

  it.each([
    ['/', 'Acme Corp User Portal'],
    ['/admin', 'Administrator: Users'],
    ['/outbox', 'Outbox'],
    ['/console/login', 'Sign in to the User Console'],
    ['/nowhere', 'Page not found'],
  ])('%s has the heading %j', async (path, heading) => {
    expect(readHeading((await createClient(portal.url).get(path)).html)).toBe(heading);
  });

  it('serves pages with a strict Content-Security-Policy and HttpOnly session cookies', async () => {
    const page = await fetch(`${portal.url}/login`);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'.*script-src 'sha256-/);
    const login = await fetch(`${portal.url}/console/login`, { method: 'POST', body: new URLSearchParams({ email: 'bob@example.com' }), redirect: 'manual' });
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax/);
  });

  it('escapes user-supplied text in every page', async () => {
    const browser = createClient(portal.url);
    const added = await browser.post('/admin/users', { email: '"><script>alert(1)</script>@example.com', flow: 'classic' });
    expect(added.path).toMatch(/^\/admin\?added=/);
    expect(added.html).not.toContain('<script>alert(1)');
    expect(added.html).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;@example.com');
    expect(added.html).toContain('value="&quot;&gt;&lt;script&gt;');
  });

  it('answers 405 for a known path with the wrong method', async () => {
    expect((await fetch(`${portal.url}/home`, { method: 'PUT' })).status).toBe(405);
  });
});

describe('demo-only test API', () => {
  it('creates users, shows them without secrets, and reveals the secret only at /secret', async () => {
    const created = await json('/api/users', { method: 'POST', body: JSON.stringify({ email: 'Dave@Example.com', password: 'dave password', mfa: true, enrolled: true }) });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-demo-only')).toBeTruthy();
    const user = await json('/api/users/dave@example.com');
    expect(user.body).toMatchObject({ email: 'dave@example.com', mfaEnabled: true, enrolled: true, locked: false });
    expect(JSON.stringify(user.body)).not.toContain(portal.state.users.get('dave@example.com')?.totpSecret ?? 'missing');
    const secret = await json('/api/users/dave@example.com/secret');
    expect(secret.body.secret).toBe(portal.state.users.get('dave@example.com')?.totpSecret);
    expect(secret.body.uri).toBe(`otpauth://totp/Acme%20Corp:dave%40example.com?secret=${String(secret.body.secret)}&issuer=Acme%20Corp`);
    const outbox = await json('/api/outbox');
    expect(JSON.stringify(outbox.body)).toContain('dave@example.com');
  });

  it('refuses bad input with a message saying what is expected', async () => {
    const bad = await json('/api/users', { method: 'POST', body: JSON.stringify({ email: 'carol@example.com', flow: 'sso' }) });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/"classic" or "console"/);
    expect((await json('/api/users/nobody@example.com')).status).toBe(404);
    expect((await json('/api/users', { method: 'POST', body: '[1]' })).status).toBe(400);
  });

  it('resets to the seeded demo users', async () => {
    const reset = await json('/api/reset', { method: 'POST' });
    expect(reset.body.users).toEqual(['alice@example.com', 'bob@example.com']);
    expect(portal.state.users.get('alice@example.com')?.mfaEnabled).toBe(false);
    expect(portal.state.users.get('bob@example.com')).toMatchObject({ flow: 'console', mfaEnabled: true, enrolled: false });
  });
});
