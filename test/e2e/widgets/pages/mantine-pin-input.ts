// @mantine/core PinInput: boxes without maxlength, autocomplete=one-time-code on each, a type=hidden aggregate.
import '@mantine/core/styles.css';
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider, PinInput } from '@mantine/core';
import { MfaStep } from './react-mfa';
import { appRoot, sendVerify } from './report';

function App() {
  const [value, setValue] = useState('');
  return h(MfaStep, {
    onVerify: () => void sendVerify({ page: 'mantine-pin-input', code: value }),
    widget: h(PinInput, { length: 6, name: 'otp', onChange: setValue }),
  });
}

createRoot(appRoot()).render(h(MantineProvider, null, h(App)));
