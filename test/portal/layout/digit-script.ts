import { createHash } from 'node:crypto';

/**
 * Behaviour of the six single-digit boxes, like the portal's own widget: focus moves on input, a pasted
 * (or autofilled) full code is spread over the boxes, and the form submits itself once all six are filled.
 */
export const DIGIT_SCRIPT = `(() => {
  for (const form of document.querySelectorAll('form[data-digit-form]')) {
    const boxes = Array.from(form.querySelectorAll('input.otp-digit'));
    const hidden = form.querySelector('input[name="otp"]');
    let submitted = false;
    const sync = () => {
      hidden.value = boxes.map((b) => b.value).join('');
      if (!submitted && boxes.every((b) => /^[0-9]$/.test(b.value))) {
        submitted = true;
        form.requestSubmit();
      }
    };
    const spread = (digits, start) => {
      let last = start;
      for (let k = 0; k < digits.length && start + k < boxes.length; k++) {
        boxes[start + k].value = digits[k];
        last = start + k;
      }
      boxes[Math.min(last + 1, boxes.length - 1)].focus();
      sync();
    };
    boxes.forEach((box, i) => {
      box.addEventListener('input', () => {
        const digits = box.value.replace(/[^0-9]/g, '');
        if (digits.length > 1) return spread(digits, i);
        box.value = digits;
        if (digits && i < boxes.length - 1) boxes[i + 1].focus();
        sync();
      });
      box.addEventListener('keydown', (e) => {
        if (e.key === 'Backspace' && !box.value && i > 0) boxes[i - 1].focus();
      });
    });
    boxes[0].addEventListener('paste', (e) => {
      const digits = ((e.clipboardData && e.clipboardData.getData('text')) || '').replace(/[^0-9]/g, '');
      if (!digits) return;
      e.preventDefault();
      spread(digits, 0);
    });
    form.addEventListener('submit', () => {
      hidden.value = boxes.map((b) => b.value).join('');
    });
  }
})();`;

/** CSP source allowing exactly the digit script, so pages can run it under a strict policy without nonces. */
export const DIGIT_SCRIPT_HASH = `'sha256-${createHash('sha256').update(DIGIT_SCRIPT).digest('base64')}'`;
