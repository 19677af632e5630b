const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[a-z]{2,}/gi;
const USER_FIELD = 'input[type="email"], input[autocomplete~="username"], input[autocomplete~="email"], input[name*="user" i], input[name*="email" i], input[name*="login" i]';
const MAX_HINTS = 10;
const MAX_TEXT = 20_000;

/**
 * Who the page says is logging in: the values of user-name fields and e-mail addresses in the page text.
 * When several accounts are bound to one portal, the background fills the one whose account name matches,
 * instead of asking. Hints only narrow a choice among accounts already bound to this site.
 */
export function collectIdentityHints(doc: Document = document): string[] {
  const hints = new Set<string>();
  for (const input of doc.querySelectorAll<HTMLInputElement>(USER_FIELD)) {
    const value = input.value.trim();
    if (value && value.length <= 200) hints.add(value.toLowerCase());
  }
  const text = (doc.body?.textContent ?? '').slice(0, MAX_TEXT);
  for (const match of text.matchAll(EMAIL)) {
    if (hints.size >= MAX_HINTS) break;
    hints.add(match[0].toLowerCase());
  }
  return [...hints].slice(0, MAX_HINTS);
}
