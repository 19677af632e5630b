import type { MessageKey } from '../translatable';
import { PasskeyError } from '../errors';
import type { PasskeyView } from '../messages';
import { decodeBase64, encodeBase64 } from '../vault/bytes';

/**
 * The WebAuthn ceremonies of passkey unlock, run in the extension page (the background's worker has no
 * `navigator.credentials`). The browser's API comes in as a parameter, so the logic is tested with a fake.
 */

/** The parts of the browser this needs: `navigator.credentials`, `PublicKeyCredential`, the page's protocol. */
export interface PasskeyEnvironment {
  credentials?: Pick<CredentialsContainer, 'create' | 'get'>;
  publicKeyCredential?: {
    getClientCapabilities?: () => Promise<Record<string, boolean | undefined>>;
    signalUnknownCredential?: (options: { rpId: string; credentialId: string }) => Promise<void>;
  };
  /** `location.protocol` of the page: `chrome-extension:` or `moz-extension:`. */
  protocol: string;
  /** `location.hostname`: the RP ID the browser uses by default (the extension's id in Chromium). */
  hostname: string;
}

/** Why passkey unlock cannot run here; each has its own plain explanation in the UI. */
export type PasskeyUnavailableReason = 'no-webauthn' | 'no-prf' | 'extension-origin';

/** Whether this browser can run passkey unlock from an extension page. */
export type PasskeySupport = { available: true } | { available: false; reason: PasskeyUnavailableReason };

/** What a ceremony hands the background: the credential's raw id and the PRF output (base64), and whether the person was verified. */
export interface PasskeyAnswer {
  credentialId: string;
  prfOutput: string;
  userVerified: boolean;
}

/** How strongly the authenticator must verify the person: required when the organisation says so. */
export type UserVerification = 'required' | 'preferred';

const RP_NAME = 'Portal Authenticator';
const CEREMONY_TIMEOUT_MS = 120_000;
/** ES256, EdDSA, RS256: what authenticators offer; nothing is verified with it (only the PRF output is used). */
const KEY_ALGORITHMS: PublicKeyCredentialParameters[] = [-7, -8, -257].map((alg) => ({ type: 'public-key', alg }));
/** Bit 2 of the authenticator data's flags byte (offset 32): the user was verified (WebAuthn §6.1). */
const FLAGS_OFFSET = 32;
const FLAG_UV = 0x04;

/** The environment of the page this runs in. */
export function browserPasskeyEnvironment(): PasskeyEnvironment {
  const scope = globalThis as unknown as { PublicKeyCredential?: PasskeyEnvironment['publicKeyCredential'] };
  return {
    credentials: typeof navigator !== 'undefined' && navigator.credentials ? navigator.credentials : undefined,
    publicKeyCredential: scope.PublicKeyCredential,
    protocol: location.protocol,
    hostname: location.hostname,
  };
}

/**
 * Feature detection: WebAuthn present; the page's origin usable as an RP ID (Firefox refuses moz-extension
 * origins with a SecurityError, checked on Firefox ESR 153); and the PRF extension, when the browser says.
 */
export async function detectPasskeySupport(env: PasskeyEnvironment): Promise<PasskeySupport> {
  if (!env.credentials || !env.publicKeyCredential) return { available: false, reason: 'no-webauthn' };
  if (env.protocol === 'moz-extension:') return { available: false, reason: 'extension-origin' };
  let capabilities: Record<string, boolean | undefined> | undefined;
  try {
    capabilities = await env.publicKeyCredential.getClientCapabilities?.();
  } catch {
    // A browser that cannot answer may still support PRF; the ceremony will tell.
  }
  if (capabilities?.['extension:prf'] === false) return { available: false, reason: 'no-prf' };
  return { available: true };
}

function random(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

function toBase64Url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function bytesOf(buffer: ArrayBuffer | ArrayBufferView | undefined): Uint8Array | undefined {
  if (!buffer) return undefined;
  return buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function userVerifiedIn(authenticatorData: ArrayBuffer | undefined): boolean {
  const flags = bytesOf(authenticatorData)?.[FLAGS_OFFSET];
  return flags !== undefined && (flags & FLAG_UV) !== 0;
}

function prfResultsOf(credential: PublicKeyCredential): { enabled?: boolean; first?: Uint8Array } {
  const prf = (credential.getClientExtensionResults() as { prf?: { enabled?: boolean; results?: { first?: BufferSource } } }).prf;
  return { enabled: prf?.enabled, first: bytesOf(prf?.results?.first) };
}

function ceremonyError(code: string, message: string, key: MessageKey): PasskeyError {
  return new PasskeyError(code, message, { key });
}

/** The error for an authenticator without the PRF extension: at registration nothing is saved; at unlock the passphrase remains. */
function noPrfError(step: 'register' | 'unlock'): PasskeyError {
  if (step === 'unlock') {
    return ceremonyError(
      'passkey/no-prf',
      'The passkey gave no key for the vault: its authenticator, or this browser, does not support the WebAuthn PRF extension. Unlock with your passphrase.',
      'passkey_error_no_prf_unlock',
    );
  }
  return ceremonyError(
    'passkey/no-prf',
    'This authenticator cannot unlock the vault: it does not support the WebAuthn PRF extension. Nothing was saved. Try another authenticator (a recent security key, Windows Hello, your phone) or keep using your passphrase.',
    'passkey_error_no_prf',
  );
}

/** Turns what `navigator.credentials` throws into a typed error with a plain explanation. */
export function describeCeremonyFailure(error: unknown, step: 'register' | 'unlock'): PasskeyError {
  if (error instanceof PasskeyError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'NotAllowedError' || name === 'AbortError') {
    return ceremonyError('passkey/cancelled', 'The passkey request was cancelled or timed out. Nothing was changed.', 'passkey_error_cancelled');
  }
  if (name === 'InvalidStateError' && step === 'register') {
    return ceremonyError(
      'passkey/already-registered',
      'This authenticator already holds a passkey for this vault. Use another authenticator, or remove the old passkey first.',
      'passkey_error_already_registered',
    );
  }
  if (name === 'SecurityError') {
    return ceremonyError(
      'passkey/unavailable',
      'This browser does not let the extension use passkeys from its own pages. Unlock with your passphrase.',
      'passkey_unavailable_extension_origin',
    );
  }
  return ceremonyError('passkey/failed', 'The passkey request failed. Nothing was changed; try again, or use your passphrase.', 'passkey_error_failed');
}

/**
 * Creates a passkey with the PRF extension and returns its PRF output for `salt`. The PRF result comes with the
 * creation on most authenticators; where only `prf.enabled` comes back, one assertion gets it. An authenticator
 * without PRF is refused (nothing reaches the vault) and, where the browser can, told to forget the passkey.
 */
export async function registerPasskey(
  env: PasskeyEnvironment,
  options: { salt: Uint8Array<ArrayBuffer>; label: string; userVerification: UserVerification; exclude: readonly PasskeyView[] },
): Promise<PasskeyAnswer> {
  if (!env.credentials) throw describeCeremonyFailure({ name: 'SecurityError' }, 'register');
  let created: PublicKeyCredential;
  try {
    created = (await env.credentials.create({
      publicKey: {
        // No rp.id: the browser uses the page's own origin (in Chromium the extension's id), which no web page can claim.
        rp: { name: RP_NAME },
        // A fresh user handle each time, so a second passkey on the same authenticator does not replace the first.
        user: { id: random(16), name: options.label, displayName: options.label },
        // No server checks an attestation or signature here: only the PRF output is used.
        challenge: random(32),
        pubKeyCredParams: KEY_ALGORITHMS,
        authenticatorSelection: { residentKey: 'preferred', userVerification: options.userVerification },
        excludeCredentials: options.exclude.map((p) => ({ type: 'public-key', id: decodeBase64(p.credentialId, 'credentialId') })),
        timeout: CEREMONY_TIMEOUT_MS,
        extensions: { prf: { eval: { first: options.salt } } } as AuthenticationExtensionsClientInputs,
      },
    })) as PublicKeyCredential;
  } catch (error) {
    throw describeCeremonyFailure(error, 'register');
  }
  const credentialId = new Uint8Array(created.rawId);
  const prf = prfResultsOf(created);
  const attestation = created.response as AuthenticatorAttestationResponse;
  if (prf.first) {
    return { credentialId: encodeBase64(credentialId), prfOutput: encodeBase64(prf.first), userVerified: userVerifiedIn(attestation.getAuthenticatorData?.()) };
  }
  if (prf.enabled === true) {
    try {
      return await authenticatePasskey(env, {
        passkeys: [{ credentialId: encodeBase64(credentialId), salt: encodeBase64(options.salt) }],
        userVerification: options.userVerification,
      });
    } catch (error) {
      if (!(error instanceof PasskeyError && error.code === 'passkey/no-prf')) throw error;
    }
  }
  await forgetCredential(env, credentialId);
  throw noPrfError('register');
}

/** Asks the browser to let the authenticator forget a passkey that was refused (where `signalUnknownCredential` exists). */
async function forgetCredential(env: PasskeyEnvironment, credentialId: Uint8Array): Promise<void> {
  try {
    await env.publicKeyCredential?.signalUnknownCredential?.({ rpId: env.hostname, credentialId: toBase64Url(credentialId) });
  } catch {
    // Only a courtesy to the authenticator; the vault never held this passkey.
  }
}

/** Asks for any of the registered passkeys, each evaluated on its own salt, and returns the one used with its PRF output. */
export async function authenticatePasskey(
  env: PasskeyEnvironment,
  options: { passkeys: ReadonlyArray<Pick<PasskeyView, 'credentialId' | 'salt'>>; userVerification: UserVerification },
): Promise<PasskeyAnswer> {
  if (!env.credentials) throw describeCeremonyFailure({ name: 'SecurityError' }, 'unlock');
  const ids = options.passkeys.map((p) => decodeBase64(p.credentialId, 'credentialId'));
  const evalByCredential = Object.fromEntries(options.passkeys.map((p, i) => [toBase64Url(ids[i]!), { first: decodeBase64(p.salt, 'salt') }]));
  let asserted: PublicKeyCredential;
  try {
    asserted = (await env.credentials.get({
      publicKey: {
        challenge: random(32),
        allowCredentials: ids.map((id) => ({ type: 'public-key', id })),
        userVerification: options.userVerification,
        timeout: CEREMONY_TIMEOUT_MS,
        extensions: { prf: { evalByCredential } } as AuthenticationExtensionsClientInputs,
      },
    })) as PublicKeyCredential;
  } catch (error) {
    throw describeCeremonyFailure(error, 'unlock');
  }
  const first = prfResultsOf(asserted).first;
  if (!first) throw noPrfError('unlock');
  const assertion = asserted.response as AuthenticatorAssertionResponse;
  return {
    credentialId: encodeBase64(new Uint8Array(asserted.rawId)),
    prfOutput: encodeBase64(first),
    userVerified: userVerifiedIn(assertion.authenticatorData),
  };
}

/** A fresh 32-byte salt for a new passkey (the PRF input, kept in the vault's header). */
export function newPasskeySalt(): Uint8Array<ArrayBuffer> {
  return random(32);
}
