import type { QrCandidateKind } from './candidates';
import type { ViewportRect } from './crop';
import type { LumaImage } from './luma';
import type { Translatable } from '../translatable';

/** What scanner.js hands back to the background; plain data so executeScript can structured-clone it. */
export interface PageScanResult {
  /** Pixels of the elements the page let us read, most likely first, for the background to decode (scanner.js stays small). */
  pixels: Array<{ image: LumaImage; elementKind: QrCandidateKind }>;
  /** Elements the page would not let us read, to be cut out of a tab screenshot. */
  needsCrop: Array<{ rect: ViewportRect; elementKind: QrCandidateKind; reason: string }>;
  /** The frame's viewport when the rects were measured, to scale them onto the screenshot. */
  viewport: { devicePixelRatio: number; innerWidth: number; innerHeight: number; scrollX: number; scrollY: number };
  /** How many QR-shaped elements were looked at. */
  candidateCount: number;
  /** Notes for a person on what could not be done, as messages the page translates; never contain payloads. */
  notes: Translatable[];
}

/** The crop rects again after the first unreadable element was scrolled into view. */
export type PageRemeasure = Pick<PageScanResult, 'needsCrop' | 'viewport'>;

/**
 * Global (in the extension's isolated world of the frame) where scanPage leaves a function that scrolls the first
 * unreadable element into view and measures again, for when none of the pixels it sent held a code.
 */
export const SCROLL_TO_UNREADABLE_KEY = '__portalAuthenticatorQrScrollToUnreadable';
