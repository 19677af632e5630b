import type { CodeSource } from './detect-types';
import { parentAcrossShadow } from './detect-collect';
import { findStrongKeyword, normalizeText } from './detect-text';

const MAX_TEXT = 6000;
const ENOUGH_CONTEXT = 300;
// On big pages the step's wording sits near the field; never read a region larger than this.
const MAX_CONTEXT_ELEMENTS = 400;
// Links and buttons offer other methods ("Text me a code instead"); they do not say what this page asks for.
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'A', 'BUTTON', 'SELECT', 'OPTION', 'TEXTAREA', 'SVG']);
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;

const AUTHENTICATOR = new RegExp(
  ' (authenticator|authentication app|authenticator app|totp|time based|authy|' +
    'app d authentification|aplicacion de autenticacion|app di autenticazione|認証アプリ|身份验证器)',
);
const SMS = new RegExp(
  ' (sms|text message|texted|text you|via text|by text|number ending|phone ending|mobile ending|' +
    '(sent|send|sending)( [a-z0-9]+){0,6} (to|on) (your )?(phone|mobile|cell|number|device ending))',
);
const EMAIL = new RegExp(
  ' (check your (e ?mail|inbox)|emailed|in your (e ?mail|inbox)|by e ?mail|via e ?mail|' +
    '(sent|send|sending)( [a-z0-9]+){0,6} (to|at) (your )?(e ?mail|inbox))',
);

/** Normalised reading text of `root` (headings, paragraphs, labels), without scripts, links and buttons. */
export function readContextText(root: ParentNode): string {
  const doc = (root as Node).nodeType === 9 ? (root as Document) : (root as Node).ownerDocument;
  const start = (root as Document).body ?? root;
  if (!doc || !start) return ' ';
  const walker = doc.createTreeWalker(start as Node, SHOW_ELEMENT_AND_TEXT, {
    acceptNode: (node: Node) =>
      node.nodeType === 1 && (SKIPPED.has((node as Element).tagName.toUpperCase()) || (node as HTMLElement).hidden)
        ? FILTER_REJECT
        : FILTER_ACCEPT,
  });
  let text = '';
  for (let node = walker.nextNode(); node && text.length < MAX_TEXT; node = walker.nextNode()) {
    if (node.nodeType === 3) text += ` ${node.nodeValue ?? ''}`;
  }
  return normalizeText(text.slice(0, MAX_TEXT));
}

/**
 * The smallest ancestor of a field (its form first) that carries enough page text to judge the step,
 * without growing past a few hundred elements (so a big page costs no more than a small one).
 */
export function findContextContainer(el: Element): Element {
  let node: Element = el.closest('form') ?? el;
  for (let up = parentAcrossShadow(node); up; up = parentAcrossShadow(node)) {
    if ((node.textContent?.trim().length ?? 0) >= ENOUGH_CONTEXT || node.tagName === 'BODY') break;
    if (up.getElementsByTagName('*').length > MAX_CONTEXT_ELEMENTS) break;
    node = up;
  }
  return node;
}

/** Classifies normalised page text: authenticator wording wins, then SMS, then e-mail. */
export function classifyText(text: string): CodeSource {
  if (AUTHENTICATOR.test(text)) return 'authenticator';
  if (SMS.test(text)) return 'sms';
  if (EMAIL.test(text)) return 'email';
  return 'unknown';
}

/** Where the page says its code comes from: an authenticator app, an SMS, an e-mail, or unknown. */
export function classifyCodeSource(root: ParentNode = document): CodeSource {
  return classifyText(readContextText(root));
}

// A challenge-response step's prompt ("Please enter OTP", "Enter your one-time password"): the code is asked for
// by name, not merely mentioned.
const CHALLENGE = new RegExp(
  ' (enter|type|provide|input) ((the|your|a|an|current|valid|next|\\d+ digits?|six digits?) ){0,3}' +
    '(otp|totp|hotp|one time|passcode|pass code|token|verification code|security code|authentication code|authenticator|response)',
);
// A step that asks for the account's password is a sign-in step, whatever it says about codes elsewhere.
const PASSWORD_PROMPT = / ((enter|type|confirm) (your |the )?password|forgot (your )?password) /;

/** True when the step's text asks for a one-time code by name and does not ask for a password. */
export function isChallengePrompt(text: string): boolean {
  return CHALLENGE.test(text) && !PASSWORD_PROMPT.test(text);
}

/** True when page text talks about a one-time code or authenticator (supports ambiguous field names). */
export function hasOtpWording(text: string): boolean {
  return findStrongKeyword(text) !== '' || AUTHENTICATOR.test(text);
}

/** Reads and caches the context text around fields during one detection pass. */
export function createContextReader(): (el: Element) => string {
  const cache = new Map<Element, string>();
  return (el) => {
    const container = findContextContainer(el);
    let text = cache.get(container);
    if (text === undefined) {
      text = readContextText(container);
      cache.set(container, text);
    }
    return text;
  };
}
