// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchForCandidates } from '../../src/content/watch';

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('watchForCandidates', () => {
  it('checks at once on a page that already has a field', () => {
    document.body.innerHTML = '<input name="otp">';
    const onFields = vi.fn();
    const stop = watchForCandidates(document, { onFields });
    expect(onFields).toHaveBeenCalledTimes(1);
    stop();
  });

  it('checks the first change after a quiet spell without waiting, and batches a burst into few checks', async () => {
    vi.useFakeTimers();
    const onFields = vi.fn();
    const stop = watchForCandidates(document, { onFields });
    expect(onFields).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    document.body.insertAdjacentHTML('beforeend', '<input name="otp">');
    await vi.advanceTimersByTimeAsync(1);
    expect(onFields).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 50; i++) {
      document.body.insertAdjacentHTML('beforeend', `<span>${i}</span>`);
      await vi.advanceTimersByTimeAsync(1);
    }
    await vi.advanceTimersByTimeAsync(100);
    expect(onFields.mock.calls.length).toBeGreaterThan(1);
    expect(onFields.mock.calls.length).toBeLessThanOrEqual(4);
    stop();
  });

  it('runs the QR cue at most twice a second, and once more after a burst ends', async () => {
    vi.useFakeTimers();
    const cue = vi.fn(() => document.querySelector('img') !== null);
    const onEnrolmentCue = vi.fn();
    const stop = watchForCandidates(document, { onFields: () => undefined, onEnrolmentCue }, { cue });
    expect(cue).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(50);
    for (let i = 0; i < 20; i++) {
      document.body.insertAdjacentHTML('beforeend', `<p>${i}</p>`);
      await vi.advanceTimersByTimeAsync(10);
    }
    // The QR arrives during the pause after a check: no further mutation follows it.
    document.body.insertAdjacentHTML('beforeend', '<img width="200" height="200" alt="QR">');
    await vi.advanceTimersByTimeAsync(1000);
    expect(cue.mock.calls.length).toBeLessThanOrEqual(3);
    expect(onEnrolmentCue).toHaveBeenCalled();
    stop();
  });
});
