import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { DIGIT_SCRIPT } from './layout/digit-script';
import { renderConsoleTotpPage } from './pages/console';

let window: Window | undefined;
afterEach(async () => {
  await window?.happyDOM.close();
  window = undefined;
});

/** Loads the six-box form in a DOM, runs the page script, and records submissions instead of navigating. */
function loadDigitForm() {
  // Only the portal's own page script runs in this window, so the VM-isolation warning does not apply.
  window = new Window({
    url: 'http://127.0.0.1/console/totp',
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  });
  const document = window.document;
  const body = /<main[^>]*>([\s\S]*)<\/main>/.exec(renderConsoleTotpPage({ email: 'bob@example.com' }))?.[1] ?? '';
  document.body.innerHTML = body;
  const form = document.querySelector('form')!;
  const submitted: string[] = [];
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitted.push((form.querySelector('input[name="otp"]') as unknown as { value: string }).value);
  });
  const script = document.createElement('script');
  script.textContent = DIGIT_SCRIPT;
  document.body.appendChild(script);
  const boxes = [...document.querySelectorAll('input.otp-digit')] as unknown as Array<{ value: string; dispatchEvent(e: unknown): boolean; focus(): void }>;
  return { window, document, boxes, submitted };
}

describe('six digit boxes script', () => {
  it('moves focus box to box as digits are typed and submits once with the aggregate code', () => {
    const { window, document, boxes, submitted } = loadDigitForm();
    expect(boxes).toHaveLength(6);
    boxes.forEach((box, i) => {
      box.focus();
      box.value = '123456'[i]!;
      box.dispatchEvent(new window.Event('input', { bubbles: true }));
      if (i < 5) expect(document.activeElement).toBe(boxes[i + 1]);
    });
    expect(submitted).toEqual(['123456']);
  });

  it('spreads a full code pasted into the first box and submits', () => {
    const { window, boxes, submitted } = loadDigitForm();
    const data = new window.DataTransfer();
    data.setData('text/plain', '987 654');
    boxes[0]!.dispatchEvent(new window.ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data }));
    expect(boxes.map((b) => b.value).join('')).toBe('987654');
    expect(submitted).toEqual(['987654']);
  });

  it('spreads a whole code set into the first box by autofill, and does not submit an incomplete code', () => {
    const { window, boxes, submitted } = loadDigitForm();
    boxes[0]!.value = '42';
    boxes[0]!.dispatchEvent(new window.Event('input', { bubbles: true }));
    expect(boxes.map((b) => b.value)).toEqual(['4', '2', '', '', '', '']);
    expect(submitted).toEqual([]);
    boxes[2]!.value = '0135';
    boxes[2]!.dispatchEvent(new window.Event('input', { bubbles: true }));
    expect(submitted).toEqual(['420135']);
  });
});
