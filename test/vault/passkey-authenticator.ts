import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { PasskeyRegistration } from '../../src/vault';
import { encodeBase64 } from '../../src/vault/bytes';

type Bytes = Uint8Array<ArrayBuffer>;

/**
 * A stand-in for an authenticator with the PRF extension: each credential has its own random secret and answers
 * HMAC-SHA256(secret, salt), as CTAP2's hmac-secret does. Tests use it to produce the outputs a real ceremony would.
 */
export function createTestAuthenticator() {
  const secrets = new Map<string, Uint8Array>();
  return {
    /** Makes a credential and returns what registering it in the vault takes. */
    register(label = 'Work laptop', userVerified = true): PasskeyRegistration & { id: string } {
      const credentialId = crypto.getRandomValues(new Uint8Array(16)) as Bytes;
      const id = encodeBase64(credentialId);
      secrets.set(id, crypto.getRandomValues(new Uint8Array(32)));
      const salt = crypto.getRandomValues(new Uint8Array(32)) as Bytes;
      return { id, credentialId, salt, prfOutput: this.evaluate(id, salt), label, userVerified };
    },
    /** The PRF output of credential `id` (base64) for `salt`. */
    evaluate(id: string, salt: Uint8Array): Bytes {
      const secret = secrets.get(id);
      if (!secret) throw new Error(`no credential ${id}`);
      return Uint8Array.from(hmac(sha256, secret, salt)) as Bytes;
    },
  };
}
