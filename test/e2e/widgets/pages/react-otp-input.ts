// react-otp-input (devfolioco): six boxes, one digit each, the whole code spread from a paste on any box.
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import OtpInput from 'react-otp-input';
import { MfaStep } from './react-mfa';
import { appRoot, sendVerify } from './report';

function App() {
  const [otp, setOtp] = useState('');
  return h(MfaStep, {
    onVerify: () => void sendVerify({ page: 'react-otp-input', code: otp }),
    widget: h(OtpInput, { value: otp, onChange: setOtp, numInputs: 6, renderInput: (props) => h('input', props) }),
  });
}

createRoot(appRoot()).render(h(App));
