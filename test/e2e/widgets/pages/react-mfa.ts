// The MFA step around a React widget: heading, instructions, the widget, and a Verify button that sends state.
import { createElement as h, type ReactNode } from 'react';
import { MFA } from './report';

/** A two-factor step: `widget` is the real library component, `onVerify` sends the app's state. */
export function MfaStep({ widget, onVerify, extra }: { widget: ReactNode; onVerify: () => void; extra?: ReactNode }) {
  return h(
    'form',
    { id: 'mfa', onSubmit: (e: { preventDefault(): void }) => (e.preventDefault(), onVerify()), style: { maxWidth: 420, margin: 24, fontFamily: 'sans-serif' } },
    h('h1', null, MFA.heading),
    h('p', null, MFA.instructions),
    widget,
    extra,
    h('button', { id: 'verify', type: 'submit', style: { marginTop: 16 } }, MFA.verify),
  );
}
