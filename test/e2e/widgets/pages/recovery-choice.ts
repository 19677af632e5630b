// An OTP step offering "use a recovery code" in its own field: only the OTP widget (react-otp-input) may be filled.
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import OtpInput from 'react-otp-input';
import { MfaStep } from './react-mfa';
import { appRoot, sendVerify } from './report';

function App() {
  const [otp, setOtp] = useState('');
  const [recovery, setRecovery] = useState('');
  return h(MfaStep, {
    onVerify: () => void sendVerify({ page: 'recovery-choice', code: otp, recovery }),
    widget: h(OtpInput, { value: otp, onChange: setOtp, numInputs: 6, renderInput: (props) => h('input', props) }),
    extra: h(
      'p',
      null,
      h('label', { htmlFor: 'recovery' }, 'Lost your device? Use a recovery code instead: '),
      h('input', { id: 'recovery', name: 'recovery_code', value: recovery, onChange: (e: { target: { value: string } }) => setRecovery(e.target.value) }),
    ),
  });
}

createRoot(appRoot()).render(h(App));
