import type { StorageAreaLike } from '../../src/storage';
import type { AccountInput } from '../../src/vault/model';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding, written here so the tests do not depend on the OTP engine. */
export function toBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** A TOTP account with a fresh random 20-byte secret; `rawSecret` is returned so tests can search for it. */
export function makeAccount(overrides: Partial<AccountInput> = {}): AccountInput & { rawSecret: Uint8Array } {
  const rawSecret = crypto.getRandomValues(new Uint8Array(20));
  return {
    type: 'totp',
    issuer: 'JumpCloud',
    accountName: 'alice@example.com',
    secret: toBase32(rawSecret),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    sites: ['https://console.jumpcloud.com'],
    matchRegistrableDomain: false,
    rawSecret,
    ...overrides,
  };
}

/** Strips the test-only field before handing an account to the vault. */
export function input(account: AccountInput & { rawSecret?: Uint8Array }): AccountInput {
  const { rawSecret: _ignored, ...rest } = account;
  return rest;
}

/** Wraps a storage area and records the JSON of every value ever written to it. */
export function recordWrites(area: StorageAreaLike): { area: StorageAreaLike; written: string[] } {
  const written: string[] = [];
  return {
    written,
    area: {
      get: (keys) => area.get(keys),
      set: async (items) => {
        written.push(JSON.stringify(items));
        await area.set(items);
      },
      remove: (keys) => area.remove(keys),
    },
  };
}

/** Wraps a storage area so that its k-th write (set or remove, counting from 1) throws, before or after taking effect. */
export function failAtWrite(area: StorageAreaLike, k: number, when: 'before' | 'after'): { area: StorageAreaLike; writes: () => number } {
  let count = 0;
  const write = async (action: () => Promise<void>) => {
    count += 1;
    if (count === k && when === 'before') throw new Error('injected storage failure');
    await action();
    if (count === k && when === 'after') throw new Error('injected storage failure');
  };
  return {
    writes: () => count,
    area: {
      get: (keys) => area.get(keys),
      set: (items) => write(() => area.set(items)),
      remove: (keys) => write(() => area.remove(keys)),
    },
  };
}

/** A deep copy of everything in a storage area, for before/after comparisons. */
export async function snapshot(area: StorageAreaLike): Promise<string> {
  return JSON.stringify(await area.get(null));
}
