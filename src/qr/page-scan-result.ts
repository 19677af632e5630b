import type { QrCandidateKind } from './candidates';
import type { ViewportRect } from './crop';

/** What scanner.js hands back to the background; plain data so executeScript can structured-clone it. */
export interface PageScanResult {
  /** Texts decoded straight from the page's elements, in candidate order, without duplicates. */
  decoded: Array<{ payload: string; elementKind: QrCandidateKind }>;
  /** Elements the page would not let us read, to be cut out of a tab screenshot. */
  needsCrop: Array<{ rect: ViewportRect; elementKind: QrCandidateKind; reason: string }>;
  /** The frame's viewport when the rects were measured, to scale them onto the screenshot. */
  viewport: { devicePixelRatio: number; innerWidth: number; innerHeight: number; scrollX: number; scrollY: number };
  /** How many QR-shaped elements were looked at. */
  candidateCount: number;
  /** Plain-language notes on what could not be done; never contain payloads. */
  notes: string[];
}
