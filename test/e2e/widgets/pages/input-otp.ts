// input-otp (guilhermerodz/input-otp): one transparent input stretched over drawn slots, as shadcn's InputOTP.
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { OTPInput, type SlotProps } from 'input-otp';
import { MfaStep } from './react-mfa';
import { appRoot, sendVerify } from './report';

function Slot(props: SlotProps) {
  return h(
    'div',
    { className: 'slot', style: { width: 40, height: 48, border: '1px solid #999', display: 'flex', alignItems: 'center', justifyContent: 'center', fontSize: 24 } },
    props.char ?? '',
  );
}

function App() {
  const [value, setValue] = useState('');
  return h(MfaStep, {
    onVerify: () => void sendVerify({ page: 'input-otp', code: value }),
    widget: h(OTPInput, {
      maxLength: 6,
      value,
      onChange: setValue,
      containerClassName: 'otp-group',
      render: ({ slots }) => h('div', { style: { display: 'flex', gap: 8 } }, slots.map((slot, i) => h(Slot, { key: i, ...slot }))),
    }),
  });
}

createRoot(appRoot()).render(h(App));
