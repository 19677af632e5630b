// The OTP step in a Mantine Modal that opens a second after load: portal-rendered at the end of <body>, focus trapped.
import '@mantine/core/styles.css';
import { createElement as h, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider, Modal, PinInput } from '@mantine/core';
import { MfaStep } from './react-mfa';
import { appRoot, sendVerify } from './report';

function App() {
  const [opened, setOpened] = useState(false);
  const [value, setValue] = useState('');
  useEffect(() => void setTimeout(() => setOpened(true), 1000), []);
  return h(
    'main',
    { style: { margin: 24 } },
    h('h1', null, 'Account'),
    h('p', null, 'Loading your account…'),
    h(
      Modal,
      { opened, onClose: () => setOpened(false), title: 'Security check' },
      h(MfaStep, { onVerify: () => void sendVerify({ page: 'dialog-late', code: value }), widget: h(PinInput, { length: 6, onChange: setValue }) }),
    ),
  );
}

createRoot(appRoot()).render(h(MantineProvider, null, h(App)));
