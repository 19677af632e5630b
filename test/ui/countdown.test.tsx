// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import type { CodeView } from '../../src/messages';
import { computeRemaining, computeRingFraction, findMsUntilRollover, isUrgent } from '../../src/ui/countdown';
import { CountdownRing } from '../../src/ui/countdown-ring';

describe('countdown arithmetic', () => {
  it('counts down locally from the fetch time', () => {
    expect(computeRemaining(20, 1_000_000, 1_000_000)).toBe(20);
    expect(computeRemaining(20, 1_000_000, 1_007_500)).toBe(12.5);
    expect(computeRemaining(3, 0, 4000)).toBe(-1);
  });

  it.each([
    [30, 30, 1],
    [15, 30, 0.5],
    [0, 30, 0],
    [-2, 30, 0],
    [45, 30, 1],
    [30, 60, 0.5],
    [10, 0, 0],
  ])('remaining %s of period %s draws fraction %s', (remaining, period, fraction) => {
    expect(computeRingFraction(remaining, period)).toBeCloseTo(fraction, 6);
  });

  it.each([
    [30, false],
    [5.01, false],
    [5, true],
    [1, true],
    [0, true],
  ])('remaining %s is urgent: %s', (remaining, urgent) => {
    expect(isUrgent(remaining)).toBe(urgent);
  });

  it('finds the soonest rollover among TOTP codes and ignores HOTP', () => {
    const codes: CodeView[] = [
      { id: 'a', code: '111111', secondsRemaining: 12, period: 30 },
      { id: 'b', code: '222222', secondsRemaining: 42, period: 60 },
      { id: 'h', code: '333333' },
    ];
    expect(findMsUntilRollover(codes, 0, 2000)).toBe(10_000);
    expect(findMsUntilRollover(codes, 0, 20_000)).toBe(0);
    expect(findMsUntilRollover([{ id: 'h', code: '1' }], 0, 0)).toBeUndefined();
  });
});

describe('CountdownRing', () => {
  async function draw(remaining: number, period: number) {
    const container = document.createElement('div');
    await act(async () => render(<CountdownRing remaining={remaining} period={period} />, container));
    return container.querySelector('svg')!;
  }

  it('draws the share of the period left as the stroke offset', async () => {
    const svg = await draw(15, 30);
    expect(svg.getAttribute('data-fraction')).toBe('0.500');
    const fill = svg.querySelector('.ring-fill')!;
    const full = Number(fill.getAttribute('stroke-dasharray'));
    expect(Number(fill.getAttribute('stroke-dashoffset'))).toBeCloseTo(full / 2, 1);
    expect(svg.textContent).toBe('15');
  });

  it('is red only in the last 5 seconds', async () => {
    const calm = await draw(6, 30);
    expect(calm.classList.contains('urgent')).toBe(false);
    const red = await draw(4.2, 30);
    expect(red.classList.contains('urgent')).toBe(true);
    expect(red.getAttribute('data-urgent')).toBe('true');
    expect(red.textContent).toBe('5');
  });
});
