// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FindOtpFieldsOptions, NoMatch, OtpFieldMatch } from '../../src/fill/detect-types';
import type { DecisionReport, FillAnswer } from '../../src/messages';

// happy-dom has no layout: each test says what detection sees, as the page would change under it.
const seen: { next: (options: FindOtpFieldsOptions) => OtpFieldMatch | NoMatch } = { next: () => ({ kind: 'none', reason: 'no-candidates', detail: '' }) };
const detect = vi.fn((_doc: Document, options: FindOtpFieldsOptions = {}) => seen.next(options));
vi.mock('../../src/fill/content-api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/fill/content-api')>()),
  findOtpFields: (doc: Document, options?: FindOtpFieldsOptions) => detect(doc, options),
}));

const { createFillController } = await import('../../src/content/fill-controller');

const FILL: FillAnswer = { status: 'fill', code: '287082', label: 'Acme', submit: false, counterBased: false };

function field(): OtpFieldMatch {
  return { kind: 'single', input: document.querySelector<HTMLInputElement>('#otp')!, score: 10, reasons: [], codeSource: 'unknown' };
}
const refusal = (reason: NoMatch['reason']): NoMatch => ({ kind: 'none', reason, detail: reason, nearest: field() });

function channel(answers: FillAnswer[]) {
  const reports: DecisionReport[] = [];
  return {
    reports,
    request: vi.fn(async (_trigger: 'auto' | 'manual', _setup?: boolean) => answers.shift() ?? ({ status: 'none' } as FillAnswer)),
    choose: vi.fn(),
    openPopup: vi.fn(async () => true),
    submitted: vi.fn(async () => undefined),
    report: (decision: DecisionReport) => void reports.push(decision),
  };
}

const value = () => document.querySelector<HTMLInputElement>('#otp')!.value;

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<form><input id="otp" name="otp"></form>';
  detect.mockClear();
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('a field refused as hidden or transparent', () => {
  it('is looked at again without any change to the page, and filled once it has faded in', async () => {
    const fake = channel([FILL]);
    let visible = false;
    seen.next = () => (visible ? field() : refusal('transparent'));
    const controller = createFillController(fake);
    await controller.scan();
    expect(fake.request).not.toHaveBeenCalled();
    visible = true; // the dialog's fade-in ended: no mutation tells the watcher
    await vi.advanceTimersByTimeAsync(400);
    expect(fake.request).toHaveBeenCalledWith('auto', false);
    expect(value()).toBe('287082');
    expect(fake.reports.map((r) => r.outcome)).toEqual(['refused', 'filled']);
  });

  it('is looked at again a few times only, then left alone', async () => {
    const fake = channel([FILL]);
    seen.next = () => refusal('not-visible');
    await createFillController(fake).scan();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(detect).toHaveBeenCalledTimes(6);
    expect(fake.request).not.toHaveBeenCalled();
    expect(new Set(fake.reports.map((r) => JSON.stringify(r)))).toEqual(
      new Set([JSON.stringify({ outcome: 'refused', reason: 'not-visible', detail: 'not-visible', field: 'input#otp[name=otp]' })]),
    );
  });
});

describe('the diagnostics reporter', () => {
  it('sends a decision only while recording is on, and never the same one twice in a row', async () => {
    const { createDecisionReporter } = await import('../../src/content/decision-reporter');
    const sent: DecisionReport[] = [];
    let on = false;
    const report = createDecisionReporter(async (d) => sent.push(d), async () => on);
    const refused: DecisionReport = { outcome: 'refused', reason: 'no-otp-field', detail: '' };
    report(refused);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([]);
    on = true;
    report({ ...refused, reason: 'transparent' });
    report({ ...refused, reason: 'transparent' });
    report({ outcome: 'filled', reason: 'fill', detail: '' });
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map((d) => d.reason)).toEqual(['transparent', 'fill']);
  });
});

describe('a set-up step (re-enrolment)', () => {
  it('asks only for an account just added here, and fills nothing when there is none', async () => {
    const fake = channel([{ status: 'none' }]);
    seen.next = () => refusal('enrolment-page');
    await createFillController(fake).scan();
    expect(fake.request).toHaveBeenCalledExactlyOnceWith('auto', true);
    expect(value()).toBe('');
    expect(fake.reports.at(-1)).toMatchObject({ outcome: 'no-account', reason: 'setup:none' });
  });

  it('fills the first code of the account just captured, though the field was looked at before', async () => {
    const fake = channel([{ status: 'none' }, FILL]);
    seen.next = (options) => (options.allowEnrolment ? field() : refusal('enrolment-page'));
    const controller = createFillController(fake);
    await controller.scan();
    const done = controller.captured();
    await vi.advanceTimersByTimeAsync(1_000);
    await done;
    expect(fake.request).toHaveBeenLastCalledWith('auto', true);
    expect(value()).toBe('287082');
  });

  it('fills the captured account when the capture arrives while the step is still being asked about', async () => {
    let answer: (a: FillAnswer) => void = () => undefined;
    const fake = channel([]);
    fake.request.mockImplementationOnce(() => new Promise<FillAnswer>((resolve) => (answer = resolve))).mockResolvedValueOnce(FILL);
    seen.next = (options) => (options.allowEnrolment ? field() : refusal('enrolment-page'));
    const controller = createFillController(fake);
    const scanning = controller.scan();
    await controller.captured(); // the person clicked "Add account" while the first request was out
    answer({ status: 'none' });
    await vi.advanceTimersByTimeAsync(1_000);
    await scanning;
    expect(fake.request).toHaveBeenCalledTimes(2);
    expect(value()).toBe('287082');
  });

  it('says what to do when the shortcut asks for a code on a set-up page where nothing was added', async () => {
    const fake = channel([{ status: 'none' }]);
    const roots: ShadowRoot[] = [];
    const attach = Element.prototype.attachShadow;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
      const root = attach.call(this, init);
      roots.push(root);
      return root;
    });
    seen.next = () => refusal('enrolment-page');
    await createFillController(fake).fillFocused();
    expect(fake.request).toHaveBeenCalledWith('manual', true);
    expect(roots.at(-1)?.textContent).toMatch(/Add its QR code first/);
    expect(value()).toBe('');
  });
});
