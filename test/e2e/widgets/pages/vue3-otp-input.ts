// vue3-otp-input: six tel boxes (maxlength=1) that emit on-change / on-complete; the app keeps the code in a ref.
import { createApp, defineComponent, h, ref } from 'vue';
import VOtpInput from 'vue3-otp-input';
import { MFA, appRoot, sendVerify } from './report';

// The library ships no styles; its README styles the boxes through `input-classes` like this.
const style = document.createElement('style');
style.textContent = '.otp-input{width:40px;height:40px;padding:5px;margin:0 10px;font-size:20px;border-radius:4px;border:1px solid rgba(0,0,0,.3);text-align:center}';
document.head.append(style);

const App = defineComponent({
  setup() {
    const code = ref('');
    const verify = (event: Event) => {
      event.preventDefault();
      void sendVerify({ page: 'vue3-otp-input', code: code.value });
    };
    return () =>
      h('form', { id: 'mfa', onSubmit: verify, style: 'max-width:420px;margin:24px;font-family:sans-serif' }, [
        h('h1', MFA.heading),
        h('p', MFA.instructions),
        h(VOtpInput, {
          numInputs: 6,
          inputClasses: 'otp-input',
          separator: '',
          'onOn-change': (value: string) => (code.value = value),
          'onOn-complete': (value: string) => (code.value = value),
        }),
        h('button', { id: 'verify', type: 'submit', style: 'margin-top:16px' }, MFA.verify),
      ]);
  },
});

createApp(App).mount(appRoot());
