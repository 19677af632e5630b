import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { checkTotpCode } from './totp-check';

// RFC 6238 Appendix B's SHA-1 key ("12345678901234567890") in base32; at T=59 s the 8-digit code is 94287082, so 6 digits: 287082.
const RFC_KEY = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const at = (seconds: number) => seconds * 1000;
const code = (seconds: number) =>
  new TOTP({ secret: Secret.fromBase32(RFC_KEY), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: at(seconds) });

describe('checkTotpCode', () => {
  it('accepts the RFC 6238 vector and reports its time step', () => {
    expect(checkTotpCode(RFC_KEY, '287082', -1, at(59))).toEqual({ ok: true, step: 1 });
  });

  const NOW = 1_111_111_109; // RFC vector time; step 37037036
  const step = Math.floor(NOW / 30);
  it.each([
    ['current step', 0, { ok: true, step }],
    ['one step behind', -30, { ok: true, step: step - 1 }],
    ['one step ahead', 30, { ok: true, step: step + 1 }],
    ['two steps behind', -60, { ok: false, reason: 'incorrect' }],
    ['two steps ahead', 60, { ok: false, reason: 'incorrect' }],
  ])('%s', (_name, offset, expected) => {
    expect(checkTotpCode(RFC_KEY, code(NOW + offset), -1, at(NOW))).toEqual(expected);
  });

  it('refuses the code of the step already used as replayed, and an older step as expired', () => {
    expect(checkTotpCode(RFC_KEY, code(NOW), step, at(NOW))).toEqual({ ok: false, reason: 'replayed' });
    expect(checkTotpCode(RFC_KEY, code(NOW - 30), step, at(NOW))).toEqual({ ok: false, reason: 'incorrect' });
    expect(checkTotpCode(RFC_KEY, code(NOW + 30), step, at(NOW))).toEqual({ ok: true, step: step + 1 });
  });

  it.each(['', '28708', '2870820', '28708a', '287 082'])('refuses the malformed code %j', (input) => {
    expect(checkTotpCode(RFC_KEY, input, -1, at(59))).toEqual({ ok: false, reason: 'incorrect' });
  });
});
