import type { MeasureFn } from './detect-types';
import { collectShadowRoots } from './detect-collect';
import { findContextContainer, readContextText } from './detect-context';
import { measureElement } from './detect-measure';

const MIN_QR = 100;
const MAX_QR = 600;
const ENROL_WORDING = new RegExp(
  ' (scan|scanne|escanea|qr|secret key|setup key|set up|setup|enter this key|manual entry|can t scan|cant scan|' +
    'enrol|enroll|einrichten|configurer|configura)',
);

// A step that sets up a new authenticator, with or without its QR code in view (on the previous step, or behind
// a "Can't scan it?" toggle): its code field belongs to the secret being added, never to an account already saved.
const SETUP_WORDING = new RegExp(
  ' ((set ?up|setting up|enable|enabling|activate|activating|turn on|add|adding|register|registering|configure|link|pair) ' +
    '((your|an|a|the|new|another|two|2|step|factor|mobile|authentication|authenticator|security|verification|app|application|device|method) ){0,4}' +
    '(authenticator|two factor|2fa|mfa|totp|two step|2 step|2sv|authentication app|verification app|otp)|' +
    '(confirm|verify) (your |the |new )?(authenticator|authentication) (app|application|set ?up)|' +
    'can ?t scan|scan (this|the) (qr )?code|(secret|set ?up|manual entry) key|enter (this|the) key)',
);

/** True when the text of a code field's step says it sets up a new authenticator (see SETUP_WORDING). */
export function isSetupWording(text: string): boolean {
  return SETUP_WORDING.test(text);
}

// Cheap gate on the raw page text before any image is measured (pages can hold hundreds of SVG icons).
const ENROL_HINT = /scan|\bqr\b|secret|set ?up|enrol|einricht|configur/i;

function mentionsEnrolment(root: ParentNode, shadows: ShadowRoot[]): boolean {
  const start = (root as Document).body ?? root;
  return [start, ...shadows].some((scope) => ENROL_HINT.test((scope as Node).textContent ?? ''));
}

/** Visible, roughly square images, canvases and SVGs of QR-code size (100–600 px) under `root` and its shadow roots. */
export function findQrLikeElements(
  root: ParentNode = document,
  measure: MeasureFn = measureElement,
  shadows: ShadowRoot[] = collectShadowRoots(root),
): Element[] {
  const scopes: ParentNode[] = [root, ...shadows];
  const found: Element[] = [];
  for (const scope of scopes) {
    for (const el of scope.querySelectorAll('img, canvas, svg')) {
      if (el.parentElement?.closest('svg')) continue;
      const { width, height, visible } = measure(el);
      const ratio = width / height;
      if (visible && width >= MIN_QR && width <= MAX_QR && ratio >= 0.8 && ratio <= 1.25) found.push(el);
    }
  }
  return found;
}

/** A set-up page: a QR-sized square image with wording such as "scan", "QR", "secret key" or "set up" near it. */
export function looksLikeEnrolmentPage(
  root: ParentNode = document,
  measure: MeasureFn = measureElement,
  shadows: ShadowRoot[] = collectShadowRoots(root),
): boolean {
  if (!mentionsEnrolment(root, shadows)) return false;
  return findQrLikeElements(root, measure, shadows).some((el) => ENROL_WORDING.test(readContextText(findContextContainer(el))));
}
