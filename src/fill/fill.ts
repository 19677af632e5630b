import type { OtpFieldMatch } from './detect-types';
import { FillError } from './errors';
import {
  dispatchChange,
  dispatchInput,
  dispatchKey,
  dispatchPaste,
  focusQuietly,
  setNativeValue,
  settle as settleTask,
} from './fill-events';
import { findSubmitButton } from './fill-submit';

export { findSubmitButton } from './fill-submit';
export type { SubmitControl } from './fill-submit';

/** Options of `fillOtpField`. */
export interface FillOptions {
  /** Press the form's submit button (or request submission) once the fields hold the code. */
  submit?: boolean;
  /** Waits for the page to re-render after events; a task by default. */
  settle?: () => Promise<void>;
}

/** What `fillOtpField` did, for the caller to report or log (never contains the code). */
export interface FillResult {
  kind: 'single' | 'split';
  /** `value`: one field set; `paste`: the widget spread a pasted code; `per-box`: typed digit by digit. */
  method: 'value' | 'paste' | 'per-box';
  /** The fields hold the code after the page reacted. */
  verified: boolean;
  /** The visually hidden mirror input had to be set by us because the widget did not (a type=hidden one never is). */
  aggregateSet: boolean;
  focused?: HTMLElement;
  submitted: 'clicked' | 'request-submit' | 'no';
}

const CODE = /^\d{4,10}$/;

const digitsOf = (value: string): string => value.replace(/\D/g, '');

function checkFillable(inputs: HTMLInputElement[]): void {
  if (inputs.some((input) => !input.isConnected || input.disabled || input.readOnly)) {
    throw new FillError('fill/field-gone', 'The code field changed before it could be filled. Try again.', { key: 'error_fill_field_gone' });
  }
}

function checkCode(match: OtpFieldMatch, code: string): void {
  if (!CODE.test(code)) {
    throw new FillError('fill/bad-code', 'Only codes of 4 to 10 digits can be filled.', { key: 'error_fill_bad_code' });
  }
  const expected = match.kind === 'split' ? match.inputs.length : match.input.maxLength;
  if (match.kind === 'split' ? expected !== code.length : expected > 0 && expected < code.length) {
    throw new FillError(
      'fill/length-mismatch',
      `This page expects a ${expected}-digit code but the account makes ${code.length}-digit codes. ` +
        'Check the number of digits in the account settings.',
      { key: 'error_fill_length_mismatch', subs: [expected, code.length] },
    );
  }
}

async function fillBoxes(inputs: HTMLInputElement[], code: string, settle: () => Promise<void>): Promise<'paste' | 'per-box'> {
  const first = inputs[0]!;
  const holdsCode = (): boolean => inputs.every((box, i) => box.value === code[i]);
  focusQuietly(first);
  // Many widgets spread a paste over their boxes themselves, keeping their own state consistent.
  if (dispatchPaste(first, code)) {
    await settle();
    if (holdsCode()) return 'paste';
  }
  for (const [i, box] of inputs.entries()) {
    const digit = code[i]!;
    focusQuietly(box);
    dispatchKey(box, 'keydown', digit);
    // A widget that handles keydown itself may already have written the digit.
    if (box.value !== digit) {
      setNativeValue(box, digit);
      dispatchInput(box, digit, 'insertText');
    }
    dispatchKey(box, 'keyup', digit);
    dispatchChange(box);
    await settle();
  }
  return 'per-box';
}

/**
 * Writes `code` into a detected field so that the page's framework notices (native value setter, input/change,
 * paste or per-digit key events for digit boxes), leaves focus on the submit button or last field, and submits
 * only when asked. Throws FillError when the code length does not fit the field.
 */
export async function fillOtpField(match: OtpFieldMatch, code: string, options: FillOptions = {}): Promise<FillResult> {
  checkCode(match, code);
  const inputs = match.kind === 'split' ? match.inputs : [match.input];
  checkFillable(inputs);
  const settle = options.settle ?? settleTask;

  let method: FillResult['method'] = 'value';
  if (match.kind === 'single') {
    focusQuietly(match.input);
    setNativeValue(match.input, code);
    dispatchInput(match.input, code, 'insertFromPaste');
    dispatchChange(match.input);
  } else {
    method = await fillBoxes(match.inputs, code, settle);
  }
  await settle();

  let aggregateSet = false;
  // A type=hidden aggregate belongs to the page's own form post and follows the boxes by itself: never written.
  // A visually hidden mirror is the widget's input too (it reads it back), so it is set when it did not follow.
  const aggregate = match.kind === 'split' && match.aggregate?.type !== 'hidden' ? match.aggregate : undefined;
  if (aggregate && aggregate.value !== code) {
    setNativeValue(aggregate, code);
    dispatchInput(aggregate, code, 'insertText');
    dispatchChange(aggregate);
    aggregateSet = true;
  }
  const verified =
    match.kind === 'split' ? match.inputs.map((box) => box.value).join('') === code : digitsOf(match.input.value) === code;

  const last = inputs[inputs.length - 1]!;
  const button = findSubmitButton(last);
  const focused: HTMLElement = button ?? last;
  focusQuietly(focused);

  let submitted: FillResult['submitted'] = 'no';
  if (options.submit && verified) {
    const form = last.form;
    if (button) {
      button.click();
      submitted = 'clicked';
    } else if (form) {
      form.requestSubmit();
      submitted = 'request-submit';
    }
  }
  return { kind: match.kind, method, verified, aggregateSet, focused, submitted };
}
