import type { MeasureFn } from './detect-types';
import type { DetectionPass } from './detect-pass';
import { hasOtpWording } from './detect-context';
import { readNumericSignals } from './detect-score';
import {
  findAmbiguousKeyword,
  findNegativeKeyword,
  findStrongKeyword,
  isOneTimeCodeAutocomplete,
  normalizeText,
} from './detect-text';

/** A scored group of digit boxes before visibility and page checks. */
export interface ScoredGroup {
  inputs: HTMLInputElement[];
  aggregate?: HTMLInputElement;
  container: Element;
  score: number;
  reasons: string[];
}

const MIN_BOXES = 4;
const MAX_BOXES = 8;
const MAX_BOX_WIDTH = 100;
const MAX_LEVELS = 3;
// Smaller than this, an input is there for scripts and autofill, not for a person to type in.
const MIN_SHOWN = 4;
// A widget's wrapper holds its boxes and a few separators, not a whole page section.
const MAX_WRAPPER_CHILDREN = 16;
const NOT_A_CODE = / (csrf|xsrf|authenticity|nonce|state|session|request|redirect|return) /;

function ancestor(el: Element, levels: number): Element | null {
  let node: Element | null = el;
  for (let i = 0; i < levels && node; i++) node = node.parentElement;
  return node;
}

// Boxes of one widget are built alike, so they meet at the same depth above each of them.
function sharedLevel(a: Element, b: Element): { level: number; container: Element } | undefined {
  for (let level = 1; level <= MAX_LEVELS; level++) {
    const pa = ancestor(a, level);
    if (pa && pa === ancestor(b, level)) {
      return pa.childElementCount <= MAX_WRAPPER_CHILDREN ? { level, container: pa } : undefined;
    }
  }
  return undefined;
}

function isBoxLike(input: HTMLInputElement): boolean {
  return input.maxLength === 1 || input.maxLength === 2 || input.maxLength === -1;
}

// Some widgets give the first box the whole code's length, as the target of a paste, and the others one digit.
function isPasteTarget(input: HTMLInputElement): boolean {
  return input.maxLength >= MIN_BOXES && input.maxLength <= MAX_BOXES;
}

// Boxes of one widget are rendered from one template: an input built otherwise (a recovery-code field after the
// boxes) is not one of them, even when it sits in the same form.
// State classes ("filled", "focused") come and go per box, so sharing one class is enough.
function builtAlike(a: HTMLInputElement, b: HTMLInputElement): boolean {
  if (a.type !== b.type || a.getAttribute('inputmode') !== b.getAttribute('inputmode')) return false;
  const classes = [...a.classList];
  return classes.length === 0 ? b.classList.length === 0 : classes.some((c) => b.classList.contains(c));
}

/** Splits fillable inputs (document order) into runs of neighbouring boxes (a "123-456" layout is one run). */
export function groupBoxes(inputs: HTMLInputElement[]): { inputs: HTMLInputElement[]; container: Element }[] {
  const runs: { inputs: HTMLInputElement[]; container: Element; level: number }[] = [];
  let run: { inputs: HTMLInputElement[]; container: Element; level: number } | undefined;
  for (const input of inputs) {
    const last = run?.inputs[run.inputs.length - 1];
    // Past the first box, every box takes the same number of characters as the one before it.
    const fits = last && isBoxLike(input) && builtAlike(last, input) && (run!.inputs.length === 1 || last.maxLength === input.maxLength);
    const shared = fits ? sharedLevel(last, input) : undefined;
    if (run && shared) {
      run.inputs.push(input);
      // The widest meeting point is an ancestor of every box in the run.
      if (shared.level >= run.level && shared.container.contains(run.container)) {
        run.level = shared.level;
        run.container = shared.container;
      }
    } else {
      run = isBoxLike(input) || isPasteTarget(input) ? { inputs: [input], container: input, level: 0 } : undefined;
      if (run) runs.push(run);
    }
  }
  // A paste-target first box says how long the code is: the group must have that many boxes.
  return runs.filter(
    (r) => r.inputs.length >= MIN_BOXES && r.inputs.length <= MAX_BOXES && (isBoxLike(r.inputs[0]!) || r.inputs[0]!.maxLength === r.inputs.length),
  );
}

function findAggregate(
  container: Element,
  boxes: HTMLInputElement[],
  measure: MeasureFn,
  pass: DetectionPass,
): HTMLInputElement | undefined {
  const scope = boxes[0]?.form ?? ancestor(container, 2) ?? container;
  for (const input of scope.querySelectorAll('input')) {
    if (boxes.includes(input) || input.disabled) continue;
    const names = pass.describe(input).identifiers;
    const named =
      isOneTimeCodeAutocomplete(input.getAttribute('autocomplete') ?? '') ||
      findStrongKeyword(names) !== '' ||
      (/ (codes?|pin) /.test(names) && !NOT_A_CODE.test(names));
    // Never take over a field that holds something else (a session or CSRF token named "token").
    const codeSized = /^\d*$/.test(input.value) && input.value.length <= boxes.length;
    if (!named || !codeSized || findNegativeKeyword(names, true)) continue;
    if (input.type === 'hidden') return input;
    // A visually hidden mirror is clipped to a pixel or so, which still counts as a box.
    const m = measure(input);
    if (!m.visible || m.width < MIN_SHOWN || m.height < MIN_SHOWN) return input;
  }
  return undefined;
}

/** Finds 4–8 single-digit boxes that together take one code, with the signals that make them an OTP widget. */
export function findDigitGroups(
  inputs: HTMLInputElement[],
  measure: MeasureFn,
  pass: DetectionPass,
): ScoredGroup[] {
  const groups: ScoredGroup[] = [];
  for (const { inputs: boxes, container } of groupBoxes(inputs)) {
    const first = boxes[0]!;
    const digitBoxes = boxes.slice(1).every((box) => box.maxLength === 1) && (first.maxLength === 1 || first.maxLength === boxes.length);
    if (!digitBoxes && !boxes.every((box) => measure(box).width < MAX_BOX_WIDTH)) continue;
    if (boxes.some((box) => box.value.length > 1 || /\D/.test(box.value))) continue;
    const texts = boxes.map(pass.describe);
    const attr = (name: string): string => container.getAttribute(name) ?? '';
    const own = normalizeText([container.id, attr('class'), attr('aria-label'), attr('data-testid')].join(' '));
    const all = texts.map((t) => t.identifiers + t.labels).join(' ') + own;
    const negative = findNegativeKeyword(all, true);
    if (negative) continue;
    const reasons = [`boxes=${boxes.length}`];
    let score = 40;
    if (digitBoxes) score += 15;
    const numeric = readNumericSignals(first).filter((s) => !s.startsWith('maxlength'));
    reasons.push(...numeric);
    score += numeric.length ? 10 : 0;
    const oneTime = boxes.some((box) => isOneTimeCodeAutocomplete(box.getAttribute('autocomplete') ?? ''));
    if (oneTime) reasons.push('autocomplete=one-time-code');
    const strong = findStrongKeyword(all);
    if (strong) reasons.push(`keyword:${strong}`);
    const ambiguous = strong ? '' : findAmbiguousKeyword(all);
    if (ambiguous) reasons.push(`ambiguous:${ambiguous}`);
    const wording = hasOtpWording(pass.readContext(first));
    if (wording) reasons.push('page:otp-wording');
    score += (oneTime ? 60 : 0) + (strong ? 35 : 0) + (ambiguous ? 10 : 0) + (wording ? 15 : 0);
    // Six to eight numeric boxes are a code entry; four or five could be anything without wording.
    const named = oneTime || strong !== '' || wording;
    const accepted = boxes.length >= 6 ? named || numeric.length > 0 || ambiguous !== '' : named;
    if (!accepted) continue;
    const aggregate = findAggregate(container, boxes, measure, pass);
    if (aggregate) reasons.push('aggregate');
    groups.push({ inputs: boxes, container, score, reasons, ...(aggregate ? { aggregate } : {}) });
  }
  return groups;
}
