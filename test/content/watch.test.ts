// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchForCandidates } from '../../src/content/watch';

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

/** Starts the watcher on fake timers; `times` collects when (ms from the start) each field check ran. */
function watchWithFakeClock() {
  vi.useFakeTimers();
  const times: number[] = [];
  const start = Date.now();
  const stop = watchForCandidates(document, { onFields: () => times.push(Date.now() - start) }, { now: () => Date.now() });
  return { times, start, stop };
}

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

  it('sees fields added while it waits for its check, after it, and revealed by an attribute; nothing after stop', async () => {
    vi.useFakeTimers();
    const found: number[] = [];
    const onFields = vi.fn(() => found.push(document.querySelectorAll('input:not([hidden])').length));
    const stop = watchForCandidates(document, { onFields });
    await vi.advanceTimersByTimeAsync(100);
    document.body.insertAdjacentHTML('beforeend', '<span>first</span>');
    document.body.insertAdjacentHTML('beforeend', '<input name="a">'); // while the check is pending
    await vi.advanceTimersByTimeAsync(1);
    expect(found).toEqual([1]);
    await vi.advanceTimersByTimeAsync(100);
    document.body.insertAdjacentHTML('beforeend', '<input name="b" hidden>');
    await vi.advanceTimersByTimeAsync(100);
    document.querySelector<HTMLInputElement>('input[name="b"]')!.hidden = false;
    await vi.advanceTimersByTimeAsync(100);
    expect(found.at(-1)).toBe(2);
    const calls = onFields.mock.calls.length;
    stop();
    document.body.insertAdjacentHTML('beforeend', '<input name="c">');
    await vi.advanceTimersByTimeAsync(100);
    expect(onFields).toHaveBeenCalledTimes(calls);
  });

  it('checks a page that keeps rewriting itself heavily less and less often, at least every 200 ms, then at once again', async () => {
    const { times, stop } = watchWithFakeClock();
    document.body.innerHTML = '<input name="otp"><div id="feed"></div>';
    const feed = document.getElementById('feed')!;
    await vi.advanceTimersByTimeAsync(100);
    times.length = 0;
    for (let t = 0; t < 1000; t += 5) {
      // A feed replacing its 50 rows every 5 ms: 50 records each time.
      for (let i = 0; i < 50; i++) feed.append(document.createElement('p'));
      while (feed.childElementCount > 50) feed.firstElementChild!.remove();
      await vi.advanceTimersByTimeAsync(5);
    }
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps).toEqual([...gaps].sort((a, b) => a - b));
    expect(gaps[0]).toBeLessThanOrEqual(60);
    expect(Math.max(...gaps)).toBe(200);
    expect(times.length).toBeGreaterThanOrEqual(5);
    expect(times.length).toBeLessThanOrEqual(9);
    await vi.advanceTimersByTimeAsync(300);
    const before = times.length;
    document.body.insertAdjacentHTML('beforeend', '<span>after a quiet spell</span>');
    await vi.advanceTimersByTimeAsync(1);
    expect(times.length).toBe(before + 1);
    stop();
  });

  it('checks a small change at once after a heavy burst, without the raised interval', async () => {
    const { times, start, stop } = watchWithFakeClock();
    document.body.innerHTML = '<input name="email"><div id="feed"></div>';
    const feed = document.getElementById('feed')!;
    for (let t = 0; t < 600; t += 5) {
      for (let i = 0; i < 60; i++) feed.append(document.createElement('p'));
      await vi.advanceTimersByTimeAsync(5);
    }
    // The feed stops; its last check is still pending. 40 ms after that check (less than the raised interval,
    // more than the short one) the code field appears.
    await vi.advanceTimersToNextTimerAsync();
    const checks = times.length;
    await vi.advanceTimersByTimeAsync(40);
    expect(times.length).toBe(checks);
    document.body.insertAdjacentHTML('beforeend', '<input name="otp" autocomplete="one-time-code">');
    const appeared = Date.now() - start;
    await vi.advanceTimersByTimeAsync(1);
    expect(times.at(-1)).toBe(appeared);
    stop();
  });

  it('keeps the short interval for small changes, even when they come often', async () => {
    const { times, stop } = watchWithFakeClock();
    document.body.innerHTML = '<div id="step"></div>';
    await vi.advanceTimersByTimeAsync(100);
    times.length = 0;
    // A sign-in step swapped every 20 ms, as a test runner or a fast single-page app does.
    for (let t = 0; t < 600; t += 20) {
      document.getElementById('step')!.replaceChildren(Object.assign(document.createElement('input'), { name: `otp${t}` }));
      await vi.advanceTimersByTimeAsync(20);
    }
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(40);
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
