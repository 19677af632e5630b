/**
 * Test-only cache for the Argon2id derivation: identical inputs (passphrase, salt, parameters) give the
 * identical key, so repeating a derivation proves nothing new. Different inputs still run the real Argon2id.
 */
type Derive = (passphrase: string, salt: Uint8Array, params: { m: number; t: number; p: number }) => Promise<Uint8Array>;

export const derivationLog: { calls: number; computed: number } = { calls: 0, computed: 0 };

/** Wraps `derive` with a cache; returns copies because callers wipe the key after use. */
export function memoizeDerivation<F extends Derive>(derive: F): F {
  const cache = new Map<string, Promise<Uint8Array>>();
  const memo: Derive = async (passphrase, salt, params) => {
    derivationLog.calls += 1;
    const key = JSON.stringify([passphrase, Array.from(salt), params.m, params.t, params.p]);
    let pending = cache.get(key);
    if (!pending) {
      derivationLog.computed += 1;
      pending = derive(passphrase, salt, params);
      cache.set(key, pending);
    }
    return Uint8Array.from(await pending);
  };
  return memo as F;
}
