import { afterEach, describe, expect, it } from 'vitest';
import { findOtpFields, type OtpFieldMatch } from '../../src/fill/detect';
import { fillOtpField, findSubmitButton } from '../../src/fill/fill';
import { FillError } from '../../src/fill/errors';
import { loadFixture, loadHtml, measureFromStyles } from './dom';

const windows: { happyDOM: { close(): Promise<void> } }[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

function detect(file: string): { document: Document; match: OtpFieldMatch } {
  const { window, document } = loadFixture(file);
  windows.push(window);
  const match = findOtpFields(document, { measure: measureFromStyles });
  if (match.kind === 'none') throw new Error(`${file}: ${match.reason}`);
  return { document, match };
}

function record(target: EventTarget, types: string[]): string[] {
  const seen: string[] = [];
  for (const type of types) target.addEventListener(type, (e) => seen.push(`${type}:${(e.target as Element).id || 'box'}`));
  return seen;
}

describe('fillOtpField, single field', () => {
  it('sets the value, fires bubbling input and change, and focuses the submit button', async () => {
    const { document, match } = detect('keycloak-otp-step.html');
    const seen = record(document.body, ['input', 'change', 'submit']);
    const result = await fillOtpField(match, '492039');
    expect(document.querySelector<HTMLInputElement>('#otp')!.value).toBe('492039');
    expect(seen).toEqual(['input:otp', 'change:otp']);
    expect(result).toMatchObject({ kind: 'single', method: 'value', verified: true, submitted: 'no' });
    expect(document.activeElement?.id).toBe('kc-login');
  });

  it('submits only when asked, through the form submit button', async () => {
    const { document, match } = detect('keycloak-otp-step.html');
    let submitter = '';
    document.querySelector('form')!.addEventListener('submit', (e) => {
      e.preventDefault();
      submitter = (e as SubmitEvent).submitter?.id ?? 'form';
    });
    const result = await fillOtpField(match, '492039', { submit: true });
    expect(result.submitted).toBe('clicked');
    expect(submitter).toBe('kc-login');
  });

  it('reaches React-controlled state, where a plain value assignment is reverted', async () => {
    const { document, match } = detect('react-controlled-otp.html');
    const input = document.querySelector<HTMLInputElement>('#code')!;
    const state = document.querySelector('#state')!;
    // Control: what a naive filler does; the simulated React tracker ignores it and restores its state.
    input.value = '111111';
    input.dispatchEvent(new (document.defaultView!.Event)('input', { bubbles: true }));
    expect(state.textContent).toBe('');
    expect(input.value).toBe('');

    const result = await fillOtpField(match, '654321');
    expect(state.textContent).toBe('654321');
    expect(input.value).toBe('654321');
    expect(result.verified).toBe(true);
  });
});

describe('fillOtpField, digit groups', () => {
  const values = (inputs: HTMLInputElement[]): string[] => inputs.map((i) => i.value);

  it('lets a paste-handling widget spread the code, then submits', async () => {
    const { document, match } = detect('jumpcloud-console-digits.html');
    const keys = record(document.body, ['keydown']);
    const result = await fillOtpField(match, '307512', { submit: true });
    expect(match.kind === 'split' && values(match.inputs)).toEqual(['3', '0', '7', '5', '1', '2']);
    expect(result).toMatchObject({ kind: 'split', method: 'paste', verified: true, submitted: 'clicked' });
    expect(keys).toEqual([]);
    expect(document.body.dataset.submitted).toBe('307512');
    expect(document.activeElement?.id).toBe('verify');
  });

  it('types box by box, one digit each, into a widget that ignores paste', async () => {
    const { document, match } = detect('authelia-six-boxes.html');
    const keys = record(document.body, ['keydown', 'keyup']);
    const result = await fillOtpField(match, '840021');
    expect(match.kind === 'split' && values(match.inputs)).toEqual(['8', '4', '0', '0', '2', '1']);
    expect(result).toMatchObject({ method: 'per-box', verified: true });
    expect(keys.filter((k) => k.startsWith('keydown'))).toHaveLength(6);
    expect(keys.filter((k) => k.startsWith('keyup'))).toHaveLength(6);
    expect(document.activeElement?.id).toBe('sign-in-button');
  });

  it('leaves a type=hidden aggregate to the widget: it follows the boxes, and is never written by the fill', async () => {
    const kept = detect('digit-group-hidden-aggregate.html');
    const result = await fillOtpField(kept.match, '135790');
    expect(kept.document.querySelector<HTMLInputElement>('#otp-value')!.value).toBe('135790');
    expect(result).toMatchObject({ method: 'paste', aggregateSet: false });

    const { document, match } = detect('digit-group-hidden-aggregate.html');
    const hidden = document.querySelector<HTMLInputElement>('#otp-value')!;
    // A widget that does not update its hidden input: stop its listeners from running.
    for (const type of ['paste', 'input']) document.addEventListener(type, (e) => e.stopImmediatePropagation(), true);
    const forgotten = await fillOtpField(match, '246801');
    expect(hidden.value).toBe('');
    expect(forgotten).toMatchObject({ method: 'per-box', aggregateSet: false, verified: true });
  });

  it('sets a visually hidden mirror input that did not follow the boxes (the widget reads it back)', async () => {
    const { document, match } = detect('digit-group-visually-hidden-mirror.html');
    const result = await fillOtpField(match, '246801');
    expect(document.querySelector<HTMLInputElement>('#mirror')!.value).toBe('246801');
    expect(match.kind === 'split' && values(match.inputs).join('')).toBe('246801');
    expect(result).toMatchObject({ aggregateSet: true, verified: true });
  });

  it('fills a group whose first box takes the whole code: each box ends with its own digit', async () => {
    const { match } = detect('digit-group-paste-target.html');
    const result = await fillOtpField(match, '975310');
    expect(match.kind === 'split' && values(match.inputs).join('')).toBe('975310');
    expect(result.verified).toBe(true);
  });

  it('fills a box group with no script at all (split 3 + 3 layout)', async () => {
    const { match } = detect('split-three-three.html');
    const result = await fillOtpField(match, '123456');
    expect(match.kind === 'split' && values(match.inputs).join('')).toBe('123456');
    expect(result.verified).toBe(true);
  });
});

describe('fillOtpField refusals', () => {
  it('refuses a code whose length differs from the group size, touching nothing', async () => {
    const { match } = detect('jumpcloud-console-digits.html');
    const error = await fillOtpField(match, '12345678').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FillError);
    expect(error).toMatchObject({ code: 'fill/length-mismatch' });
    expect((error as FillError).userMessage).toMatch(/6-digit/);
    expect(match.kind === 'split' && match.inputs.every((i) => i.value === '')).toBe(true);
  });

  it('refuses a code longer than the field maxlength', async () => {
    const { document, match } = detect('type-tel-otp.html');
    await expect(fillOtpField(match, '12345678')).rejects.toMatchObject({ code: 'fill/length-mismatch' });
    expect(document.querySelector<HTMLInputElement>('#token')!.value).toBe('');
  });

  it.each(['', '12a456', '123', '12345678901', '12 3456'])('refuses the malformed code %j', async (code) => {
    const { match } = detect('keycloak-otp-step.html');
    await expect(fillOtpField(match, code)).rejects.toMatchObject({ code: 'fill/bad-code' });
  });

  it('refuses a field removed from the page since detection', async () => {
    const { match } = detect('keycloak-otp-step.html');
    if (match.kind === 'single') match.input.remove();
    await expect(fillOtpField(match, '123456')).rejects.toMatchObject({ code: 'fill/field-gone' });
  });
});

describe('findSubmitButton', () => {
  const page = (body: string): Document => {
    const { window, document } = loadHtml(`<!doctype html><html><body>${body}</body></html>`);
    windows.push(window);
    return document;
  };

  it('takes the first usable submit button of the form, skipping "Resend code"', () => {
    const doc = page('<form><input id=o><button id=resend>Resend code</button><button id=go>Verify</button></form>');
    expect(findSubmitButton(doc.querySelector('#o')!)?.id).toBe('go');
  });

  it('finds a following "Submit" button on a page without a form (AWS)', () => {
    const { window, document } = loadFixture('aws-mfa-code.html');
    windows.push(window);
    expect(findSubmitButton(document.querySelector('#mfaCode')!)?.id).toBe('mfa_submit_button');
  });

  it('finds nothing when no button submits', () => {
    const doc = page('<div><input id=o><button id=cancel>Cancel</button><a href=#>Help</a></div>');
    expect(findSubmitButton(doc.querySelector('#o')!)).toBeUndefined();
  });
});
