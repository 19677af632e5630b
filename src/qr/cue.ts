import { measureElementBox, type MeasureElement } from './measure';
import { readContextText } from '../fill/detect-context';

// Wording portals use next to an enrolment QR code.
const ENROLMENT_WORDING =
  /\b(scan|qr|authenticator|two[- ]?factor|multi[- ]?factor|2fa|mfa|set ?up|secret key|totp|one[- ]time)\b/i;

// Elements that may draw a QR code as a CSS background, found by attribute alone so the check stays cheap: an inline
// style with an image, an element that says it is an image, or one named after a QR code.
const BACKGROUND_HOSTS = '[style*="url(" i], [role="img"], [class*="qr" i], [id*="qr" i]';

/** Cheap check for the always-on content script: a visible square image, canvas, svg or CSS-background QR of at least 100 px and authenticator wording on the page. */
export function looksLikeEnrolmentQrCue(
  root: ParentNode = document,
  options: { measure?: MeasureElement; minSize?: number } = {},
): boolean {
  const measure = options.measure ?? measureElementBox;
  const minSize = options.minSize ?? 100;
  let hasSquare = false;
  for (const element of root.querySelectorAll(`img, canvas, svg, ${BACKGROUND_HOSTS}`)) {
    const tag = element.tagName.toLowerCase();
    // Icons inside a larger svg are not codes of their own.
    if (tag === 'svg' && element.parentElement?.closest('svg')) continue;
    if (tag !== 'img' && tag !== 'canvas' && tag !== 'svg' && !hasBackgroundImage(element)) continue;
    const { rect, visible } = measure(element);
    if (!visible || rect.width < minSize || rect.height < minSize) continue;
    const aspect = rect.width / rect.height;
    if (aspect >= 0.8 && aspect <= 1.25) {
      hasSquare = true;
      break;
    }
  }
  if (!hasSquare) return false;
  const text = readPageText(root);
  return ENROLMENT_WORDING.test(text);
}

function hasBackgroundImage(element: Element): boolean {
  const style = element.ownerDocument.defaultView?.getComputedStyle(element);
  return /url\(/i.test(style?.backgroundImage ?? '');
}

function readPageText(root: ParentNode): string {
  // The visible text only: inline scripts are full of words like "setup" and "scan". The title often says
  // "Set up MFA" too.
  return `${(root as Partial<Document>).title ?? ''} ${readContextText(root)}`;
}
