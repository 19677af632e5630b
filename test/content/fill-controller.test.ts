// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PANEL_ARMING_MS } from '../../src/testing/panels';
import type { FillAnswer } from '../../src/messages';

// happy-dom has no layout, so detection would find every field invisible: the controller gets the page's field directly.
vi.mock('../../src/fill/content-api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/fill/content-api')>();
  return {
    ...real,
    findOtpFields: (doc: Document) => {
      const input = doc.querySelector<HTMLInputElement>('#otp');
      return input ? { kind: 'single', input, score: 10, reasons: [], codeSource: 'unknown' } : { kind: 'none', reason: 'no-candidates', detail: '' };
    },
  };
});

const { createFillController } = await import('../../src/content/fill-controller');

// The panel's shadow root is closed; keep a handle on it so the test can read and press its buttons.
let roots: ShadowRoot[] = [];
const attachShadow = Element.prototype.attachShadow;

function panelButtons(): HTMLButtonElement[] {
  const root = roots.at(-1);
  return root?.host.isConnected ? [...root.querySelectorAll('button')] : [];
}

function panelText(): string {
  return roots.at(-1)?.textContent ?? '';
}

/** A click as a person makes it (the panel ignores script clicks). */
function press(label: string): void {
  const button = panelButtons().find((b) => b.textContent === label);
  if (!button) throw new Error(`no button ${label}`);
  // Panels ignore clicks for a moment after they appear; a person's click comes later.
  vi.advanceTimersByTime(PANEL_ARMING_MS);
  const event = new MouseEvent('click', { bubbles: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  button.dispatchEvent(event);
}

function channel(answers: FillAnswer[], opened = true) {
  const request = vi.fn(async () => answers.shift() ?? ({ status: 'locked' } as FillAnswer));
  return { request, choose: vi.fn(), openPopup: vi.fn(async () => opened), submitted: vi.fn(async () => undefined) };
}

const FILL: FillAnswer = { status: 'fill', code: '287082', label: 'Acme', waitMs: 0, replayWait: false, submit: false };

describe('the locked hint', () => {
  beforeEach(() => {
    roots = [];
    Element.prototype.attachShadow = function (init) {
      const root = attachShadow.call(this, init);
      roots.push(root);
      return root;
    };
    document.body.innerHTML = '<form><label for="otp">One-time code</label><input id="otp" name="otp"><button>Sign in</button></form>';
    vi.useFakeTimers();
  });
  afterEach(() => {
    Element.prototype.attachShadow = attachShadow;
    vi.useRealTimers();
  });

  it('fills the field once the vault is unlocked after "Unlock", without a reload', async () => {
    const fake = channel([{ status: 'locked' }, { status: 'locked' }, FILL]);
    await createFillController(fake, document).scan();
    expect(panelText()).toContain('Unlock Portal Authenticator');
    press('Unlock');
    expect(fake.openPopup).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(1_600);
    expect(document.querySelector<HTMLInputElement>('#otp')!.value).toBe('');
    await vi.advanceTimersByTimeAsync(1_600);
    expect(document.querySelector<HTMLInputElement>('#otp')!.value).toBe('287082');
    expect(fake.request).toHaveBeenLastCalledWith('manual');
    expect(panelButtons()).toEqual([]);
  });

  it('says to use the toolbar button when the browser will not open the popup from the page', async () => {
    const fake = channel([{ status: 'locked' }], false);
    await createFillController(fake, document).scan();
    press('Unlock');
    await vi.advanceTimersByTimeAsync(0);
    expect(panelText()).toContain('toolbar');
  });

  it('stops asking once the hint is dismissed, and never asks without a click on "Unlock"', async () => {
    const fake = channel([{ status: 'locked' }, FILL]);
    await createFillController(fake, document).scan();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fake.request).toHaveBeenCalledTimes(1);
    press('Unlock');
    press('Dismiss');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fake.request).toHaveBeenCalledTimes(1);
    expect(document.querySelector<HTMLInputElement>('#otp')!.value).toBe('');
  });

  it('gives up after a few minutes of a still-locked vault', async () => {
    const fake = channel([]);
    await createFillController(fake, document).scan();
    press('Unlock');
    await vi.advanceTimersByTimeAsync(3 * 60_000 + 5_000);
    const asked = fake.request.mock.calls.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.request.mock.calls.length).toBe(asked);
    expect(asked).toBeGreaterThan(10);
  });
});
