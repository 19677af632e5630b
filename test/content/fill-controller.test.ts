// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PANEL_ARMING_MS } from '../../packages/testing/src/panels';
import type { FillAnswer } from '../../src/messages';
import { RequestFailed } from '../../src/send-request';

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

/** Keeps a handle on each shadow root the panels attach (afterEach puts attachShadow back). */
function capturePanels(): void {
  roots = [];
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    return root;
  };
}

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

/** Delivers the background's "unlocked" and lets the fill that follows run its course (filling uses timers). */
async function deliverUnlocked(controller: { unlocked(): Promise<void> }): Promise<void> {
  const done = controller.unlocked();
  await vi.advanceTimersByTimeAsync(1_000);
  await done;
}

const FILL: FillAnswer = { status: 'fill', code: '287082', label: 'Acme', submit: false, counterBased: false };

describe('the locked hint', () => {
  beforeEach(() => {
    capturePanels();
    document.body.innerHTML = '<form><label for="otp">One-time code</label><input id="otp" name="otp"><button>Sign in</button></form>';
    vi.useFakeTimers();
  });
  afterEach(() => {
    Element.prototype.attachShadow = attachShadow;
    vi.useRealTimers();
  });

  it('fills the field once the background says the vault is unlocked, without a reload', async () => {
    const fake = channel([{ status: 'locked' }, FILL]);
    const controller = createFillController(fake, document);
    await controller.scan();
    expect(panelText()).toContain('Unlock Portal Authenticator');
    press('Unlock');
    expect(fake.openPopup).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fake.request).toHaveBeenCalledTimes(1); // no asking again and again while locked
    expect(document.querySelector<HTMLInputElement>('#otp')!.value).toBe('');
    await deliverUnlocked(controller);
    expect(document.querySelector<HTMLInputElement>('#otp')!.value).toBe('287082');
    expect(fake.request).toHaveBeenLastCalledWith('auto', false); // asked as the hint was: the settings still apply
    expect(panelButtons()).toEqual([]);
  });

  it('fills after an unlock from the toolbar too, with no click on "Unlock"', async () => {
    const fake = channel([{ status: 'locked' }, FILL]);
    const controller = createFillController(fake, document);
    await controller.scan();
    await deliverUnlocked(controller);
    expect(document.querySelector<HTMLInputElement>('#otp')!.value).toBe('287082');
  });

  it('says to use the toolbar button when the browser will not open the popup from the page', async () => {
    const fake = channel([{ status: 'locked' }], false);
    await createFillController(fake, document).scan();
    press('Unlock');
    await vi.advanceTimersByTimeAsync(0);
    expect(panelText()).toContain('toolbar');
  });

  it('does nothing on unlock once the hint is dismissed, or when no field was waiting', async () => {
    const idle = channel([]);
    await createFillController(idle, document).unlocked();
    expect(idle.request).not.toHaveBeenCalled();

    const fake = channel([{ status: 'locked' }, FILL]);
    const controller = createFillController(fake, document);
    await controller.scan();
    press('Dismiss');
    await deliverUnlocked(controller);
    expect(fake.request).toHaveBeenCalledTimes(1);
    expect(document.querySelector<HTMLInputElement>('#otp')!.value).toBe('');
  });

  it('shows the hint again when the vault locked again before the code was asked for', async () => {
    const fake = channel([{ status: 'locked' }, { status: 'locked' }, FILL]);
    const controller = createFillController(fake, document);
    await controller.scan();
    await deliverUnlocked(controller);
    expect(panelText()).toContain('Unlock Portal Authenticator');
    await deliverUnlocked(controller);
    expect(document.querySelector<HTMLInputElement>('#otp')!.value).toBe('287082');
  });

  it('says why when the code cannot be had after the unlock, instead of leaving the hint up', async () => {
    const fake = channel([{ status: 'locked' }]);
    const controller = createFillController(fake, document);
    await controller.scan();
    fake.request.mockImplementationOnce(async () => {
      throw new RequestFailed('vault/malformed-contents', 'The vault opened but its contents are not readable; restore from a backup.', { key: 'error_vault_contents_unreadable' });
    });
    await deliverUnlocked(controller);
    expect(panelText()).toContain('The vault opened but its contents are not readable; restore from a backup.');
    expect(panelText()).not.toContain('Unlock Portal Authenticator to fill');
  });

  it('waits until a tab in the background is shown before filling, and leaves a field that is gone', async () => {
    const fake = channel([{ status: 'locked' }, FILL]);
    const controller = createFillController(fake, document);
    await controller.scan();
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      await deliverUnlocked(controller);
      expect(fake.request).toHaveBeenCalledTimes(1);
      expect(document.querySelector<HTMLInputElement>('#otp')!.value).toBe('');
    } finally {
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    }
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(document.querySelector<HTMLInputElement>('#otp')!.value).toBe('287082');

    const gone = channel([{ status: 'locked' }, FILL]);
    const later = createFillController(gone, document);
    document.body.innerHTML = '<form><label for="otp">One-time code</label><input id="otp" name="otp"></form>';
    await later.scan();
    document.querySelector('#otp')!.remove();
    await deliverUnlocked(later);
    expect(gone.request).toHaveBeenCalledTimes(1);
    expect(panelButtons()).toEqual([]);
  });
});

describe('a wait answer', () => {
  beforeEach(() => {
    capturePanels();
    document.body.innerHTML = '<form><label for="otp">One-time code</label><input id="otp" name="otp"><button>Sign in</button></form>';
    vi.useFakeTimers();
  });
  afterEach(() => {
    Element.prototype.attachShadow = attachShadow;
    vi.useRealTimers();
  });

  it('shows the waiting panel with a countdown, asks again when the wait is over, and fills the code given then', async () => {
    const fake = channel([{ status: 'wait', label: 'Acme', waitMs: 7_000, replayWait: true }, FILL]);
    const scanning = createFillController(fake, document).scan();
    await vi.advanceTimersByTimeAsync(0);
    expect(panelText()).toContain('This site already got the current code; filling the next one in 7 s.');
    expect(fake.request).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(panelText()).toContain('in 4 s.');
    await vi.advanceTimersByTimeAsync(4_000);
    await vi.advanceTimersByTimeAsync(1_000);
    await scanning;
    expect(fake.request).toHaveBeenCalledTimes(2);
    expect(fake.request).toHaveBeenLastCalledWith('auto', false);
    expect(document.querySelector<HTMLInputElement>('#otp')!.value).toBe('287082');
    expect(panelButtons()).toEqual([]);
  });

  it('asks nothing more once the person cancels the wait', async () => {
    const fake = channel([{ status: 'wait', label: 'Acme', waitMs: 7_000, replayWait: false }, FILL]);
    const scanning = createFillController(fake, document).scan();
    await vi.advanceTimersByTimeAsync(0);
    expect(panelText()).toContain('Waiting for a fresh code in 7 s.');
    press('Cancel');
    await vi.advanceTimersByTimeAsync(10_000);
    await scanning;
    expect(fake.request).toHaveBeenCalledTimes(1);
    expect(document.querySelector<HTMLInputElement>('#otp')!.value).toBe('');
  });
});

describe('submissions after a fill', () => {
  beforeEach(() => {
    document.body.innerHTML = '<form><label for="otp">One-time code</label><input id="otp" name="otp"><button>Sign in</button></form>';
    document.querySelector('form')!.addEventListener('submit', (event) => event.preventDefault());
  });

  it("keeps watching after the fill: a person's later click reports the submission", async () => {
    const fake = channel([FILL]);
    await createFillController(fake, document).scan();
    expect(fake.submitted).not.toHaveBeenCalled();
    const click = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(click, 'isTrusted', { value: true });
    document.querySelector('button')!.dispatchEvent(click);
    expect(fake.submitted).toHaveBeenCalledOnce();
  });
});

describe('the portal answers a submitted code, on a page that stays loaded', () => {
  const NOTICE = "The portal refused the code: this computer's clock is 47 s behind. The corrected code is filled.";
  const CORRECTED: FillAnswer = { ...FILL, code: '359152', notice: { key: 'refusal_clock_filled', subs: [{ key: 'refusal_offset_seconds_behind', subs: [47] }] } };
  beforeEach(() => {
    capturePanels();
    document.body.innerHTML =
      '<form><label for="otp">One-time code</label><input id="otp" name="otp"><p role="alert" id="error"></p><button>Sign in</button></form>';
    document.querySelector('form')!.addEventListener('submit', (event) => event.preventDefault());
    vi.useFakeTimers();
  });
  afterEach(() => {
    Element.prototype.attachShadow = attachShadow;
    vi.useRealTimers();
  });

  /** Fills, then submits with a person's click; `refused` is the background's answer to what the page shows next. */
  async function fillAndSubmit(refused: FillAnswer) {
    const fake = { ...channel([FILL]), refused: vi.fn(async () => refused) };
    const scanning = createFillController(fake, document).scan();
    await vi.advanceTimersByTimeAsync(1_000); // filling uses timers
    await scanning;
    // A person's press: pointer down, then the click (one submission is reported per page load or per person's action).
    for (const type of ['pointerdown', 'click']) {
      const event = new MouseEvent(type, { bubbles: true });
      Object.defineProperty(event, 'isTrusted', { value: true });
      document.querySelector('button')!.dispatchEvent(event);
    }
    expect(fake.submitted).toHaveBeenCalledOnce();
    return fake;
  }
  const field = () => document.querySelector<HTMLInputElement>('#otp')!;

  it('an error the portal shows is passed to the background, and the corrected code it answers is filled with its notice', async () => {
    const fake = await fillAndSubmit(CORRECTED);
    document.querySelector('#error')!.textContent = 'Invalid two-factor code.';
    await vi.advanceTimersByTimeAsync(1_500);
    expect(fake.refused).toHaveBeenCalledWith(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(field().value).toBe('359152');
    expect(panelText()).toContain(NOTICE);
  });

  it('the field emptied with no text is passed on as such; a refusal nothing explains is said, and nothing is filled', async () => {
    const fake = await fillAndSubmit({ status: 'unexplained', message: { key: 'refusal_unknown', subs: [{ key: 'refusal_next_step' }] } });
    field().value = '';
    await vi.advanceTimersByTimeAsync(1_500);
    expect(fake.refused).toHaveBeenCalledWith(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(field().value).toBe('');
    expect(panelText()).toContain("neither this computer's clock nor the code's timing explains it");
  });

  it('a page that shows nothing and keeps the code is not asked about', async () => {
    const fake = await fillAndSubmit(CORRECTED);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fake.refused).not.toHaveBeenCalled();
    expect(field().value).toBe('287082');
  });
});
