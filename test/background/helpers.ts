import * as OTPAuth from 'otpauth';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundContext } from '../../src/background/context';
import { createBackgroundContext } from '../../src/background/create-context';
import { routeMessage } from '../../src/background/router';
import type { SenderInfo } from '../../src/background/sender';
import type { Reply, RequestOf, RequestType, Responses } from '../../src/messages';

/** A 30-second period boundary: 1_700_000_010 s is a multiple of 30 (not of 60: T0 + 30 s is). */
export const T0 = 1_700_000_010_000;

/** The extension as the router sees it in tests. */
export const EXT = { id: fakeBrowser.runtime.id, baseUrl: fakeBrowser.runtime.getURL('/') };

/** A vault passphrase long enough for the minimum length. */
export const PASS = 'correct horse battery staple';

type OracleOptions = { algorithm?: 'SHA1' | 'SHA256' | 'SHA512'; digits?: number; period?: number };

/** A fresh random 20-byte secret in base32, made by the independent library. */
export function randomSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

/** RFC 6238 code from the independent `otpauth` library (test oracle). */
export function oracleTotp(secret: string, nowMs: number, options: OracleOptions = {}): string {
  const { algorithm = 'SHA1', digits = 6, period = 30 } = options;
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm, digits, period }).generate({ timestamp: nowMs });
}

/** RFC 4226 code from the independent `otpauth` library (test oracle). */
export function oracleHotp(secret: string, counter: number, options: OracleOptions = {}): string {
  const { algorithm = 'SHA1', digits = 6 } = options;
  return new OTPAuth.HOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm, digits }).generate({ counter });
}

/** A key URI written by hand, so the tests do not depend on the product's formatter. */
export function totpUri(secret: string, issuer = 'Example', account = 'alice@example.com', extra = ''): string {
  return `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(account)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}${extra}`;
}

/** The popup as the browser describes it: our extension id, our URL, no tab. */
export const popupSender: SenderInfo = { id: EXT.id, url: `${EXT.baseUrl}popup.html` };

/** A content script of ours in a web frame; `topUrl` differs for an iframe. */
export function contentSender(frameUrl: string, topUrl = frameUrl, frameId = topUrl === frameUrl ? 0 : 3): SenderInfo {
  return { id: EXT.id, url: frameUrl, origin: new URL(frameUrl).origin, frameId, tab: { id: 7, url: topUrl, windowId: 1 } };
}

/** A controllable clock for the background context. */
export interface Clock {
  now: number;
}

/** The background context over WXT's fake browser, with a test clock. */
export function makeContext(clock: Clock): BackgroundContext {
  return createBackgroundContext(fakeBrowser as never, () => clock.now);
}

/** Sends one message through the router. */
export function send(context: BackgroundContext, message: unknown, sender: SenderInfo = popupSender): Promise<Reply<RequestType>> {
  return routeMessage(message, sender, context, EXT);
}

/** Sends a typed request and returns its value, failing the test with the error when refused. */
export async function ask<T extends RequestType>(
  context: BackgroundContext,
  message: RequestOf<T>,
  sender: SenderInfo = popupSender,
): Promise<Responses[T]> {
  const reply = await send(context, message, sender);
  if (!reply.ok) throw new Error(`${message.type} refused: ${reply.error.code}: ${reply.error.message}`);
  return reply.value as Responses[T];
}

/** Sends a request expected to fail and returns its error. */
export async function refusal(context: BackgroundContext, message: unknown, sender: SenderInfo = popupSender) {
  const reply = await send(context, message, sender);
  if (reply.ok) throw new Error(`expected a refusal, got ${JSON.stringify(reply.value)}`);
  return reply.error;
}

/** Everything in the fake browser's local and session storage. */
export interface StorageSnapshot {
  local: Record<string, unknown>;
  session: Record<string, unknown>;
}

/** Copies both storage areas (deeply, via JSON) so a created vault can be reused across tests. */
export async function saveStorage(): Promise<StorageSnapshot> {
  const copy = (value: Record<string, unknown>) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  return { local: copy(await fakeBrowser.storage.local.get(null)), session: copy(await fakeBrowser.storage.session.get(null)) };
}

/** Resets the fake browser and puts a saved snapshot back. */
export async function restoreStorage(snapshot: StorageSnapshot): Promise<void> {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set(JSON.parse(JSON.stringify(snapshot.local)));
  await fakeBrowser.storage.session.set(JSON.parse(JSON.stringify(snapshot.session)));
}

/** The raw bytes (as JSON text) of both storage areas, for "nothing changed" checks. */
export async function storageBytes(): Promise<string> {
  return JSON.stringify(await saveStorage());
}
