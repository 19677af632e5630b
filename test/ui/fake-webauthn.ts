import type { PasskeyEnvironment } from '../../src/ui/passkey-ceremony';

/** What a fake authenticator does for one ceremony: give PRF results, only say PRF is enabled, lack PRF, or fail. */
export type FakeBehaviour = 'prf' | 'prf-enabled-only' | 'no-prf' | { fail: string };

/** Authenticator data with only the flags byte set (offset 32): user present, and verified when `verified`. */
function authenticatorData(verified: boolean): ArrayBuffer {
  const data = new Uint8Array(37);
  data[32] = 0x01 | (verified ? 0x04 : 0);
  return data.buffer;
}

/** A stand-in PRF: the first salt byte XOR a per-credential byte, repeated: deterministic and different per salt. */
function fakePrf(credential: number, salt: Uint8Array): ArrayBuffer {
  return new Uint8Array(32).map((_, i) => (salt[i % salt.length]! ^ credential) & 0xff).buffer;
}

/**
 * A fake `navigator.credentials` recording what each ceremony was asked, answering as `behaviour` says.
 * Credential ids are one byte, counting from 1.
 */
export function createFakeWebAuthn(behaviour: { create?: FakeBehaviour; get?: FakeBehaviour; verified?: boolean } = {}) {
  const created: CredentialCreationOptions[] = [];
  const asked: CredentialRequestOptions[] = [];
  const forgotten: Array<{ rpId: string; credentialId: string }> = [];
  let next = 1;
  const fail = (step: FakeBehaviour | undefined) => {
    if (step && typeof step === 'object') throw Object.assign(new Error(step.fail), { name: step.fail });
  };
  const credential = (id: number, prf: unknown, data: ArrayBuffer) => ({
    rawId: new Uint8Array([id]).buffer,
    getClientExtensionResults: () => ({ prf }),
    response: { authenticatorData: data, getAuthenticatorData: () => data },
  });
  const env: PasskeyEnvironment = {
    protocol: 'chrome-extension:',
    hostname: 'test-extension-id',
    publicKeyCredential: {
      getClientCapabilities: async () => ({ 'extension:prf': true }),
      signalUnknownCredential: async (options) => {
        forgotten.push(options);
      },
    },
    credentials: {
      create: (async (options: CredentialCreationOptions) => {
        created.push(options);
        fail(behaviour.create);
        const id = next++;
        const salt = (options.publicKey!.extensions as { prf: { eval: { first: Uint8Array } } }).prf.eval.first;
        const mode = behaviour.create ?? 'prf';
        const prf = mode === 'prf' ? { enabled: true, results: { first: fakePrf(id, salt) } } : mode === 'prf-enabled-only' ? { enabled: true } : { enabled: false };
        return credential(id, prf, authenticatorData(behaviour.verified ?? true));
      }) as never,
      get: (async (options: CredentialRequestOptions) => {
        asked.push(options);
        fail(behaviour.get);
        const allowed = options.publicKey!.allowCredentials!;
        const id = new Uint8Array(allowed[0]!.id as ArrayBuffer)[0]!;
        const byCredential = (options.publicKey!.extensions as { prf: { evalByCredential: Record<string, { first: Uint8Array }> } }).prf.evalByCredential;
        const salt = Object.values(byCredential)[0]!.first;
        const prf = behaviour.get === 'no-prf' ? undefined : { results: { first: fakePrf(id, salt) } };
        return credential(id, prf, authenticatorData(behaviour.verified ?? true));
      }) as never,
    },
  };
  return { env, created, asked, forgotten, fakePrf };
}
