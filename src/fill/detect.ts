import type {
  CodeSource,
  FindOtpFieldsOptions,
  Measurement,
  MeasureFn,
  NoMatch,
  NoMatchReason,
  OtpFieldMatch,
} from './detect-types';
import { collectFillableInputs, collectShadowRoots, isFillableInput } from './detect-collect';
import { classifyText } from './detect-context';
import { isSetupWording, looksLikeEnrolmentPage } from './detect-enrolment';
import { findDigitGroups } from './detect-group';
import { isDrawnSlotInput, measureElement } from './detect-measure';
import { createDetectionPass } from './detect-pass';
import { scoreSingleInput } from './detect-score';

export type * from './detect-types';
export { hasCandidateInputs } from './detect-collect';
export { classifyCodeSource } from './detect-context';
export { looksLikeEnrolmentPage } from './detect-enrolment';
export { measureElement } from './detect-measure';

// A whole-code field narrower or lower than this is a tracking or decoy input, not something a user types in.
const MIN_SINGLE_WIDTH = 50;
const MIN_HEIGHT = 10;
const MAX_BOX_WIDTH = 100;

function none(reason: NoMatchReason, detail = '', extra: Partial<NoMatch> = {}): NoMatch {
  return { kind: 'none', reason, detail, ...extra };
}

function checkVisible(match: OtpFieldMatch, measure: MeasureFn): Measurement {
  if (match.kind === 'single') {
    const m = measure(match.input);
    if (m.hiddenBy === 'transparent' && isDrawnSlotInput(match.input, measure)) return { width: m.width, height: m.height, visible: true };
    if (m.visible && (m.width < MIN_SINGLE_WIDTH || m.height < MIN_HEIGHT)) return { ...m, visible: false, hiddenBy: 'zero-size' };
    return m;
  }
  let widest: Measurement = { width: 0, height: 0, visible: true };
  for (const box of match.inputs) {
    const m = measure(box);
    if (!m.visible) return m;
    if (m.width >= MAX_BOX_WIDTH || m.height < MIN_HEIGHT) return { ...m, visible: false, hiddenBy: 'zero-size' };
    if (m.width > widest.width) widest = m;
  }
  return widest;
}

/** The field a match starts with: the single input, or the first box of a digit group. */
export function firstInput(match: OtpFieldMatch): HTMLInputElement {
  return match.kind === 'single' ? match.input : match.inputs[0]!;
}

/** Every input a match fills. */
export function inputsOf(match: OtpFieldMatch): HTMLInputElement[] {
  return match.kind === 'single' ? [match.input] : match.inputs;
}

/** The input that has focus, looking through open shadow roots, when it is one a code could go into. */
export function findFocusedInput(root: ParentNode = document): HTMLInputElement | undefined {
  const doc = (root as Node).nodeType === 9 ? (root as Document) : (root as Node).ownerDocument;
  let active = doc?.activeElement ?? null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (active?.tagName !== 'INPUT' || !(root as Node).contains(parentHostChain(active))) return undefined;
  return isFillableInput(active as HTMLInputElement) ? (active as HTMLInputElement) : undefined;
}

// The outermost shadow host of an element (or the element itself), for containment checks from the document.
function parentHostChain(el: Element): Element {
  let node = el;
  for (let root = node.getRootNode(); 'host' in root; root = node.getRootNode()) node = (root as ShadowRoot).host;
  return node;
}

/**
 * Finds the one-time-code field of the page: a single input or a group of digit boxes (open shadow roots
 * included). Refuses hidden or nearly transparent fields, SMS/e-mail code pages and QR enrolment pages,
 * and says why in the `none` result. With `focusedOnly`, only the focused field (or its digit group) counts.
 */
export function findOtpFields(root: ParentNode = document, options: FindOtpFieldsOptions = {}): OtpFieldMatch | NoMatch {
  const shadows = collectShadowRoots(root);
  const inputs = collectFillableInputs(root, shadows);
  if (!inputs.length) return none('no-candidates');
  const focused = options.focusedOnly ? findFocusedInput(root) : undefined;
  if (options.focusedOnly && !focused) return none('no-candidates', 'focus');
  const measure = options.measure ?? ((el: Element) => measureElement(el));
  const pass = createDetectionPass();

  const groups = findDigitGroups(inputs, measure, pass);
  const grouped = new Set(groups.flatMap((g) => g.inputs));
  const ranked: OtpFieldMatch[] = [
    ...groups.map((g): OtpFieldMatch => ({ kind: 'split', ...g, codeSource: 'unknown' })),
    ...inputs
      .filter((input) => !grouped.has(input))
      .map((input) => scoreSingleInput(input, pass))
      .filter((s) => s.accepted)
      .map((s): OtpFieldMatch => ({ kind: 'single', input: s.input, score: s.score, reasons: s.reasons, codeSource: 'unknown' })),
  ]
    .filter((match) => !focused || inputsOf(match).includes(focused))
    .sort((a, b) => b.score - a.score);
  // The user pointed at this field: it needs no name or wording, only to be visible and opaque.
  if (focused && !ranked.length) ranked.push({ kind: 'single', input: focused, score: 0, reasons: ['focused'], codeSource: 'unknown' });
  if (!ranked.length) return none('no-otp-field');

  let chosen: OtpFieldMatch | undefined;
  let refused: { match: OtpFieldMatch; m: Measurement } | undefined;
  for (const match of ranked) {
    const m = checkVisible(match, measure);
    if (m.visible) {
      chosen = match;
      break;
    }
    refused ??= { match, m };
  }
  if (!chosen) {
    const hiddenBy = refused?.m.hiddenBy ?? 'hidden';
    return none(hiddenBy === 'transparent' ? 'transparent' : 'not-visible', hiddenBy, refused ? { nearest: refused.match } : {});
  }

  // An enrolment page's code field belongs to the new secret being set up: never an existing account's code,
  // not even on request. Otherwise a field the user chose by focusing it is filled on any page (an SMS page too).
  const judgePage = !options.focusedOnly;
  const first = firstInput(chosen);
  if (!options.allowEnrolment) {
    if (looksLikeEnrolmentPage(root, measure, shadows)) {
      return none('enrolment-page', 'qr', { nearest: chosen });
    }
    if (isSetupWording(pass.readContext(first))) {
      return none('enrolment-page', 'wording', { nearest: chosen });
    }
  }
  const fieldSource = classifyText(pass.describe(first).labels);
  const pageSource = classifyText(pass.readContext(first));
  // Authenticator wording anywhere wins; otherwise the field's own words ("SMS code") beat the page's.
  const codeSource: CodeSource =
    fieldSource === 'authenticator' || pageSource === 'authenticator'
      ? 'authenticator'
      : fieldSource !== 'unknown'
        ? fieldSource
        : pageSource;
  chosen.codeSource = codeSource;
  if (judgePage && (codeSource === 'sms' || codeSource === 'email')) {
    return none('sms-or-email-code', codeSource, { codeSource, nearest: chosen });
  }
  return chosen;
}
