import { PENDING_PREFIX as PREFIX, PENDING_SEAL_KEY as KEY_NAME } from '../storage';
import { ProtocolError } from '../errors';
import { decodeBase64, encodeBase64 } from '../vault/bytes';
import type { BackgroundContext } from './context';

const LIFETIME_MS = 10 * 60_000;

async function pendingKey(context: BackgroundContext): Promise<CryptoKey> {
  let raw = (await context.session.get(KEY_NAME))[KEY_NAME] as string | undefined;
  if (!raw) {
    raw = encodeBase64(crypto.getRandomValues(new Uint8Array(32)));
    await context.session.set({ [KEY_NAME]: raw });
  }
  return crypto.subtle.importKey('raw', decodeBase64(raw, KEY_NAME), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** Drops parked values whose time is up, so abandoned scans and imports do not fill session storage. */
async function sweepExpired(context: BackgroundContext): Promise<void> {
  const all = await context.session.get(null);
  const stale = Object.entries(all)
    .filter(([key, value]) => key.startsWith(PREFIX) && ((value as { expires?: number }).expires ?? 0) < context.now())
    .map(([key]) => key);
  if (stale.length > 0) await context.session.remove(stale);
}

/**
 * Parks a value (a parsed import or scan awaiting the user's yes) in session storage under a random token.
 * It is sealed with AES-GCM first, because it may hold secrets and nothing secret is stored in the clear.
 */
export async function parkPending<T>(context: BackgroundContext, kind: string, value: T): Promise<string> {
  const token = crypto.randomUUID();
  const nonce = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify({ kind, value, expires: context.now() + LIFETIME_MS }));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce }, await pendingKey(context), plain));
  await sweepExpired(context);
  // The expiry is kept beside the sealed value (it is not secret) so old entries can be swept unopened.
  const expires = context.now() + LIFETIME_MS;
  await context.session.set({ [PREFIX + token]: { nonce: encodeBase64(nonce), sealed: encodeBase64(sealed), expires } });
  return token;
}

/** Takes back a parked value once; throws a clear error when it expired or never existed. */
export async function takePending<T>(context: BackgroundContext, kind: string, token: string): Promise<T> {
  const key = PREFIX + token;
  const stored = (await context.session.get(key))[key] as { nonce: string; sealed: string } | undefined;
  await context.session.remove(key);
  const expired = new ProtocolError('protocol/expired', 'That step has expired. Please start again.', { key: 'error_protocol_expired' });
  if (!stored) throw expired;
  let entry: { kind: string; value: T; expires: number };
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: decodeBase64(stored.nonce, 'nonce') },
      await pendingKey(context),
      decodeBase64(stored.sealed, 'sealed'),
    );
    entry = JSON.parse(new TextDecoder().decode(plain));
  } catch {
    throw expired;
  }
  if (entry.kind !== kind || entry.expires < context.now()) throw expired;
  return entry.value;
}
