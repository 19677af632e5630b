import type { BrowserName } from '../../src/testing';

/** Both browsers every end-to-end suite runs in. */
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

/** A passphrase long enough for the default policy. */
export const TEST_PASSPHRASE = 'correct horse battery staple';

/** A well-formed account for tests (RFC 4226 test secret). */
export const SAMPLE_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** Builds an otpauth URI for the sample secret. */
export function sampleUri(issuer = 'Acme Corp', account = 'alice@example.com', secret = SAMPLE_SECRET): string {
  return `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(account)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}`;
}
