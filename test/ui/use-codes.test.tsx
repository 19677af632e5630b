// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageRequest } from '../../src/messages';
import type { UiClient } from '../../src/ui/client';
import { useCodes, type CodesSnapshot } from '../../src/ui/use-codes';
import { createFakeClient, mount } from './helpers';

// 2030-01-01T00:00:10.400Z: 10.4 s into a 30-second period.
const START = Date.UTC(2030, 0, 1, 0, 0, 10, 400);

function answerCodes(_request: PageRequest) {
  const now = Date.now();
  const seconds = Math.floor(now / 1000);
  return { now, codes: [{ id: 'a', code: String(Math.floor(seconds / 30)), secondsRemaining: 30 - (seconds % 30), period: 30 }] };
}

let latest: CodesSnapshot | undefined;
function Probe({ client }: { client: UiClient }) {
  // A fresh error callback on every render, as a careless parent would pass: it must not cause re-fetches.
  latest = useCodes(client, () => {}).snapshot;
  return null;
}

describe('useCodes', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(START);
    latest = undefined;
  });
  afterEach(() => {
    render(null, document.body.lastElementChild!);
    document.body.innerHTML = '';
    vi.useRealTimers();
  });

  it('fetches once, counts down locally, and re-fetches only after the period rolls over', async () => {
    const { client, calls } = createFakeClient(answerCodes, () => Date.now());
    await mount(<Probe client={client} />, client);
    expect(calls).toHaveLength(1);
    const remainingNow = () => latest!.codes.get('a')!.secondsRemaining! - (latest!.now - latest!.fetchedAt) / 1000;
    expect(Math.ceil(remainingNow())).toBe(20);

    await act(async () => {
      await vi.advanceTimersByTimeAsync(15_000);
    });
    expect(calls).toHaveLength(1);
    expect(Math.ceil(remainingNow())).toBe(5);

    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_000);
    });
    expect(calls).toHaveLength(2);
    expect(latest!.codes.get('a')!.secondsRemaining).toBe(30);

    await act(async () => {
      await vi.advanceTimersByTimeAsync(29_000);
    });
    expect(calls).toHaveLength(2);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1_500);
    });
    expect(calls).toHaveLength(3);
  });

  it('tries again after a failed fetch instead of leaving stale codes on screen', async () => {
    let fail = true;
    const { client, calls } = createFakeClient((request) => {
      if (fail) throw new Error('the background is waking up');
      return answerCodes(request);
    }, () => Date.now());
    await mount(<Probe client={client} />, client);
    expect(calls).toHaveLength(1);
    expect(latest).toBeUndefined();
    fail = false;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1_100);
    });
    expect(calls).toHaveLength(2);
    expect(latest!.codes.get('a')).toBeDefined();
  });
});
