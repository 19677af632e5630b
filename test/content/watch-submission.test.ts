// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reportSubmission, watchSubmission } from '../../src/content/watch-submission';

/** An event as the browser marks a person's action (happy-dom marks every dispatched event untrusted). */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** A fresh document per test: the once-per-page-load rule is kept per document. */
function page(): { doc: Document; input: HTMLInputElement; form: HTMLFormElement; button: HTMLButtonElement } {
  const doc = document.implementation.createHTMLDocument('login');
  doc.body.innerHTML = '<form><input id="otp" name="otp"><button>Verify</button></form>';
  const form = doc.querySelector('form')!;
  form.addEventListener('submit', (event) => event.preventDefault());
  return { doc, input: doc.querySelector('input')!, form, button: doc.querySelector('button')! };
}

const untrustedActions = {
  'form.requestSubmit()': ({ form }: ReturnType<typeof page>) => form.requestSubmit(),
  'a dispatched submit event': ({ form }: ReturnType<typeof page>) => form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })),
  'button.click()': ({ button }: ReturnType<typeof page>) => button.click(),
  'a dispatched Enter': ({ input }: ReturnType<typeof page>) => input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })),
};

describe('watchSubmission: only a person submits', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each(Object.keys(untrustedActions))('a page script’s %s after the fill is not a submission', (name) => {
    const p = page();
    const seen = vi.fn();
    watchSubmission([p.input], seen, p.doc, true);
    vi.advanceTimersByTime(5_000);
    untrustedActions[name as keyof typeof untrustedActions](p);
    expect(seen).not.toHaveBeenCalled();
  });

  it('a counter-based code counts no script submission, not even one made while the extension fills', () => {
    const p = page();
    const seen = vi.fn();
    watchSubmission([p.input], seen, p.doc, true);
    p.form.requestSubmit();
    expect(seen).not.toHaveBeenCalled();
  });

  it('a widget that submits as its last box is filled still counts for a time-based code', () => {
    const p = page();
    const seen = vi.fn();
    const stop = watchSubmission([p.input], seen, p.doc);
    p.form.requestSubmit();
    expect(seen).toHaveBeenCalledOnce();
    expect(stop()).toBe(true);
  });

  it('a trusted click on the button, or a trusted Enter in the field, is a submission', () => {
    const a = page();
    const clicked = vi.fn();
    watchSubmission([a.input], clicked, a.doc, true);
    vi.advanceTimersByTime(5_000);
    a.button.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    expect(clicked).toHaveBeenCalledOnce();
    const b = page();
    const entered = vi.fn();
    watchSubmission([b.input], entered, b.doc, true);
    b.input.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(entered).toHaveBeenCalledOnce();
  });
});

describe('reportSubmission: once per page load or gesture', () => {
  it('passes the first report, refuses more until a person acts, then passes one more', () => {
    const { doc } = page();
    const report = vi.fn();
    expect(reportSubmission(doc, report)).toBe(true);
    expect(reportSubmission(doc, report)).toBe(false);
    doc.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true })); // a script's key press is no gesture
    expect(reportSubmission(doc, report)).toBe(false);
    doc.body.dispatchEvent(trusted(new Event('pointerdown', { bubbles: true })));
    expect(reportSubmission(doc, report)).toBe(true);
    expect(reportSubmission(doc, report)).toBe(false);
    expect(report).toHaveBeenCalledTimes(2);
  });
});

describe('watchSubmission: a trusted submit event', () => {
  it('counts only right after a person’s own pointer or key action (requestSubmit fires a trusted one too)', () => {
    vi.useFakeTimers();
    try {
      const p = page();
      const seen = vi.fn();
      watchSubmission([p.input], seen, p.doc, true);
      vi.advanceTimersByTime(5_000);
      p.form.dispatchEvent(trusted(new Event('submit', { bubbles: true, cancelable: true })));
      expect(seen).not.toHaveBeenCalled();
      p.input.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true })));
      p.form.dispatchEvent(trusted(new Event('submit', { bubbles: true, cancelable: true })));
      expect(seen).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });
});
