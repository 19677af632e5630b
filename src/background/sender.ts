import { ProtocolError } from '../errors';

/** The parts of `runtime.MessageSender` the background trusts (set by the browser, not by the page). */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string; windowId?: number };
}

/** Who sent a message, as far as the browser vouches for it. */
export type SenderKind =
  | { kind: 'page' }
  | {
      kind: 'content';
      frameOrigin: string;
      topOrigin: string | undefined;
      tabId: number;
      frameId: number;
      windowId?: number;
      /** The frame's address as the browser reports it (for the diagnostics log only; decisions use the origin). */
      frameUrl: string;
    };

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * Classifies a sender from the browser's own sender information: an extension page of ours, or a content
 * script in a web frame with that frame's origin. Anything else is refused.
 */
export function classifySender(sender: SenderInfo, extensionId: string, extensionBaseUrl: string): SenderKind {
  if (sender.id !== extensionId) throw new ProtocolError('protocol/foreign-sender', 'Messages from other extensions are refused.', { key: 'error_protocol_foreign_sender' });
  const isExtensionUrl = sender.url?.startsWith(extensionBaseUrl) ?? false;
  if (isExtensionUrl && (sender.frameId === undefined || sender.frameId === 0 || !sender.tab)) return { kind: 'page' };
  if (isExtensionUrl && sender.tab?.url?.startsWith(extensionBaseUrl)) return { kind: 'page' };
  // Chrome names the frame's real origin; a sandboxed frame's is opaque ('null') whatever its URL says.
  // Only where the browser gives no origin (Firefox) is the URL's origin used.
  const frameOrigin = sender.origin !== undefined ? (sender.origin === 'null' ? undefined : sender.origin) : originOf(sender.url);
  if (!frameOrigin || !/^https?:/.test(frameOrigin) || sender.tab?.id === undefined) {
    throw new ProtocolError('protocol/unknown-frame', 'This page cannot use Portal Authenticator.', { key: 'error_protocol_unknown_frame' });
  }
  return {
    kind: 'content',
    frameOrigin,
    topOrigin: originOf(sender.tab.url),
    tabId: sender.tab.id,
    frameId: sender.frameId ?? 0,
    windowId: sender.tab.windowId,
    frameUrl: sender.url ?? '',
  };
}
