import { parentAcrossShadow } from './detect-collect';
import { normalizeText } from './detect-text';

/** A control that submits the code. */
export type SubmitControl = HTMLElement;

const SUBMIT_SELECTOR = 'button:not([type]), button[type="submit"], input[type="submit"], input[type="image"]';
const ANY_BUTTON = 'button, input[type="submit"], input[type="button"], [role="button"]';
const GO_WORDS = / (verify|submit|continue|confirm|sign in|signin|log in|login|next|done|ok|validate|authenticate|weiter|anmelden|bestatigen|continuer|valider|verificar|continuar|accedi|verifica|doorgaan|dalej|войти|продолжить|确认|登录|確認|次へ|ログイン|확인|계속) /;
const NEVER_WORDS = / (cancel|back|resend|send again|send new|new code|another|different|other|try again|help|forgot|lost|use a|sms|text me|call me|email me|recovery|backup) /;

function labelOf(el: Element): string {
  const text = [el.textContent ?? '', el.getAttribute('value') ?? '', el.getAttribute('aria-label') ?? ''].join(' ');
  return normalizeText(text.slice(0, 120));
}

function isUsable(el: Element): boolean {
  return !(el as HTMLButtonElement).disabled && !(el as HTMLElement).hidden && !NEVER_WORDS.test(labelOf(el));
}

// Document position of `b` relative to `a`: 4 means `b` follows `a`.
const FOLLOWING = 4;

/**
 * The button a user would press after typing the code: the form's default submit button when there is a form,
 * else the nearest following button labelled like "Verify" or "Continue" (SPA forms without <form>).
 */
export function findSubmitButton(input: HTMLInputElement): SubmitControl | undefined {
  const form = input.form ?? input.closest('form');
  if (form) {
    // `elements` is in tree order and includes buttons tied to the form by a `form` attribute.
    const inForm = [...form.elements].find((el) => el.matches(SUBMIT_SELECTOR) && isUsable(el));
    if (inForm) return inForm as SubmitControl;
  }
  for (let scope = parentAcrossShadow(input), depth = 0; scope && depth < 6; scope = parentAcrossShadow(scope), depth++) {
    const found = [...scope.querySelectorAll(ANY_BUTTON)].find(
      (el) => input.compareDocumentPosition(el) & FOLLOWING && isUsable(el) && GO_WORDS.test(labelOf(el)),
    );
    if (found) return found as SubmitControl;
  }
  return undefined;
}
