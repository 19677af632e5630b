import { computeRingFraction, isUrgent } from './countdown';
import { tPlural } from './i18n';

const RADIUS = 9;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** Props of `CountdownRing`: seconds left (may be fractional) and the period length. */
export interface CountdownRingProps {
  remaining: number;
  period: number;
}

/** An SVG ring that empties over the period and turns red in its last 5 seconds, with the whole seconds left inside (and said by a screen reader). */
export function CountdownRing({ remaining, period }: CountdownRingProps) {
  const fraction = computeRingFraction(remaining, period);
  const urgent = isUrgent(remaining);
  const seconds = Math.max(0, Math.ceil(remaining));
  return (
    <svg
      class={urgent ? 'ring urgent' : 'ring'}
      width="28"
      height="28"
      viewBox="0 0 24 24"
      role="img"
      aria-label={tPlural('popup_seconds_left', seconds)}
      data-testid="countdown"
      data-fraction={fraction.toFixed(3)}
      data-urgent={String(urgent)}
    >
      <circle class="ring-track" cx="12" cy="12" r={RADIUS} />
      <circle
        class="ring-fill"
        cx="12"
        cy="12"
        r={RADIUS}
        stroke-dasharray={CIRCUMFERENCE.toFixed(2)}
        stroke-dashoffset={(CIRCUMFERENCE * (1 - fraction)).toFixed(2)}
        transform="rotate(-90 12 12)"
      />
      <text x="12" y="12" class="ring-text" text-anchor="middle" dominant-baseline="central">
        {seconds}
      </text>
    </svg>
  );
}
