// A single-page app: the sign-in form (user name + password) is replaced by the OTP step (Mantine PinInput).
import '@mantine/core/styles.css';
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider, PinInput } from '@mantine/core';
import { MfaStep } from './react-mfa';
import { appRoot, sendVerify } from './report';

function SignIn({ onDone }: { onDone: () => void }) {
  return h(
    'form',
    { id: 'sign-in', onSubmit: (e: { preventDefault(): void }) => (e.preventDefault(), setTimeout(onDone, 300)), style: { margin: 24 } },
    h('h1', null, 'Sign in'),
    h('label', null, 'User name ', h('input', { id: 'username', name: 'username', autoComplete: 'username' })),
    h('br'),
    h('label', null, 'Password ', h('input', { id: 'password', name: 'password', type: 'password', autoComplete: 'current-password' })),
    h('br'),
    h('button', { id: 'sign-in-button', type: 'submit' }, 'Sign in'),
  );
}

function App() {
  const [step, setStep] = useState<'password' | 'otp'>('password');
  const [value, setValue] = useState('');
  if (step === 'password') return h(SignIn, { onDone: () => setStep('otp') });
  return h(MfaStep, {
    onVerify: () => void sendVerify({ page: 'spa-sign-in', code: value }),
    widget: h(PinInput, { length: 6, onChange: setValue }),
  });
}

createRoot(appRoot()).render(h(MantineProvider, null, h(App)));
