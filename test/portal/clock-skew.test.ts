import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_MESSAGES } from './auth';
import { startPortal, type Portal } from './server';
import { createClient, digitFields, generateCode, readError } from './test-client';

// Real time in the middle of a 30-second step; the portal's clock adds its skew to it.
const START = Date.UTC(2030, 0, 1, 9, 0, 10);
let now = START;
let portal: Portal;
const email = 'dave@example.com';
const password = 'dave has a long password';

beforeAll(async () => {
  portal = await startPortal({ now: () => now });
});
afterAll(() => portal.close());
beforeEach(async () => {
  now = START;
  await fetch(`${portal.url}/api/reset`, { method: 'POST' });
  await fetch(`${portal.url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, mfa: true, flow: 'console', enrolled: true }),
  });
});

/** Signs dave in up to the six digit boxes. */
async function toCodeStep(browser: ReturnType<typeof createClient>): Promise<void> {
  await browser.post('/console/login', { email });
  await browser.post('/console/password', { password });
  await browser.post('/console/method', { method: 'totp' });
}

describe('clock skew mode', () => {
  it('?skew=-75 puts the portal 75 s behind: its Date header says so, and a code by real time is refused', async () => {
    const head = await fetch(`${portal.url}/console/login?skew=-75`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Date.parse(head.headers.get('date') ?? '')).toBe(START - 75_000);
    const browser = createClient(portal.url);
    await toCodeStep(browser);
    const secret = portal.state.users.get(email)?.totpSecret ?? '';
    const refused = await browser.post('/console/totp', digitFields(generateCode(secret, now)));
    expect(refused.status).toBe(401);
    expect(readError(refused.html)).toBe(AUTH_MESSAGES.badCode);
    const accepted = await browser.post('/console/totp', digitFields(generateCode(secret, now - 75_000)));
    expect(accepted.path).toBe('/console/home');
    expect(portal.state.codeChecks.map((c) => c.ok)).toEqual([false, true]);
  });

  it('?skew=0 sets the clock right, a reset does too, and a bad value is refused with the allowed range', async () => {
    await fetch(`${portal.url}/?skew=120`);
    expect(portal.state.skewSeconds).toBe(120);
    await fetch(`${portal.url}/?skew=0`);
    expect(portal.state.skewSeconds).toBe(0);
    await fetch(`${portal.url}/?skew=30`);
    await fetch(`${portal.url}/api/reset`, { method: 'POST' });
    expect(portal.state.skewSeconds).toBe(0);
    for (const bad of ['4000', '1.5', 'abc']) {
      const response = await fetch(`${portal.url}/?skew=${bad}`);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('-3600 to 3600');
    }
  });
});
