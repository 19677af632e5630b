import { measureElementBox, type MeasureElement } from './measure';

// Wording portals use next to an enrolment QR code.
const ENROLMENT_WORDING =
  /\b(scan|qr|authenticator|two[- ]?factor|multi[- ]?factor|2fa|mfa|set ?up|secret key|totp|one[- ]time)\b/i;

/** Cheap check for the always-on content script: a visible square image, canvas or svg of at least 100 px and authenticator wording on the page. */
export function looksLikeEnrolmentQrCue(
  root: ParentNode = document,
  options: { measure?: MeasureElement; minSize?: number } = {},
): boolean {
  const measure = options.measure ?? measureElementBox;
  const minSize = options.minSize ?? 100;
  let hasSquare = false;
  for (const element of root.querySelectorAll('img, canvas, svg')) {
    // Icons inside a larger svg are not codes of their own.
    if (element.tagName.toLowerCase() === 'svg' && element.parentElement?.closest('svg')) continue;
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

function readPageText(root: ParentNode): string {
  const node = root as ParentNode & Partial<Document>;
  const body = node.body ?? (root as Node);
  // textContent avoids the layout that innerText would force; the title often says "Set up MFA" too.
  return `${node.title ?? ''} ${body.textContent ?? ''}`.slice(0, 200_000);
}
