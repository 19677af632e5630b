// @chakra-ui/react v3 PinInput (zag-js): boxes labelled "pin code N of 6", a visually hidden text input mirroring them.
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ChakraProvider, defaultSystem, PinInput } from '@chakra-ui/react';
import { MfaStep } from './react-mfa';
import { appRoot, sendVerify } from './report';

function App() {
  const [value, setValue] = useState('');
  return h(MfaStep, {
    onVerify: () => void sendVerify({ page: 'chakra-pin-input', code: value }),
    widget: h(
      PinInput.Root,
      { otp: true, onValueChange: (details: { valueAsString: string }) => setValue(details.valueAsString) },
      h(PinInput.HiddenInput),
      h(PinInput.Control, null, [0, 1, 2, 3, 4, 5].map((i) => h(PinInput.Input, { key: i, index: i }))),
    ),
  });
}

createRoot(appRoot()).render(h(ChakraProvider, { value: defaultSystem, children: h(App) }));
