// Keyword rules for one-time-code fields. Text is normalised once (camelCase split, separators to spaces,
// accents stripped, lower case) and padded with spaces so that tokens and phrases match on word edges.

/** Lower-cases, strips accents, splits camelCase and `-`/`_`/`.`/brackets into single-space separated tokens. */
export function normalizeText(raw: string): string {
  const split = raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  const folded = split.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').toLowerCase();
  return ` ${folded.replace(/[\s\-_.[\]:/()#,;|'"*+!?<>=@{}]+/g, ' ').trim()} `;
}

// The keyword lists: each entry is a regular-expression alternative over normalised text (`?` makes a space or
// letter optional). test/fill/detection-rules.test.ts has a row for every entry.

/** Words that on their own say "one-time code" (English, matched on token edges). */
export const STRONG_WORDS = [
  'otp', 'totp', 'hotp', 'otc', 'mfa', '2fa', 'twofa', 'tfa', '2sv', 'passcode', 'authenticator', 'authcode', 'challenge',
  'one ?time', 'two ?factor', '2 ?factor', 'second ?factor', 'multi ?factor', 'two ?step', '2 ?step',
  'verification ?code', 'verify ?code', 'security ?code', 'auth(entication)? ?code', '(6|six|8|eight) ?digits?',
  '(auth(entication)?|security|mfa|software|soft|hardware|rsa) ?token', 'token ?code',
];
const STRONG = new RegExp(` (${STRONG_WORDS.join('|')}) `);

/** The same idea in other languages; matched as substrings because many are single compound words. */
export const STRONG_OTHER_PHRASES = [
  'codigo de verificacion', 'codigo de verificacao', 'codigo de seguranca', 'codigo de un solo uso',
  'bestatigungscode', 'sicherheitscode', 'verifizierungscode', 'einmalcode', 'einmalpasswort',
  'code de verification', 'code de securite', 'mot de passe a usage unique', 'codice di verifica',
  'verificatiecode', 'beveiligingscode', 'kod weryfikacyjny', 'kod jednorazowy', 'код подтверждения',
  'проверочный код', 'одноразовый код', 'код аутентификации', '验证码', '驗證碼', '动态码', '認証コード',
  '確認コード', 'ワンタイムパスワード', '인증 코드', '인증코드', '인증번호', 'dogrulama kodu',
];
const STRONG_OTHER = STRONG_OTHER_PHRASES.map((phrase) => normalizeText(phrase).trim());

/** Words that need a supporting signal (numeric input, digits pattern, 2FA wording nearby). */
export const AMBIGUOUS_WORDS = ['codes?', 'pin', 'token', 'verify', 'verification', 'auth', 'digits?', 'key'];
const AMBIGUOUS = new RegExp(` (${AMBIGUOUS_WORDS.join('|')}) `);

/** Never an authenticator code, wherever the word appears. Prefix match so `recoverycode` and `cardholder` count. */
export const NEGATIVE_WORDS = [
  'backup', 'recovery', 'scratch', 'coupon', 'promo', 'discount', 'gift', 'voucher', 'referral', 'zip', 'postal', 'postcode',
  'bank', 'card', 'cvc', 'cvv', 'csc', 'cvn', 'captcha', 'recaptcha', 'hcaptcha', 'search', 'invite', 'invitation',
  'comment', 'newsletter', 'iban', 'cc ',
];
const NEGATIVE = new RegExp(` (${NEGATIVE_WORDS.join('|')})`);

/** Contact and account fields, rejected in an id or name. */
export const NEGATIVE_ID_WORDS = [
  'phone', 'mobile', 'telephone', 'tel', 'e ?mail', 'mail', 'username', 'login ?name', 'user ?name', 'userid', 'account ?number',
];
const NEGATIVE_ID = new RegExp(` (${NEGATIVE_ID_WORDS.join('|')}) `);

/** The same in a label, only as a phrase ("on your phone" is fine). */
export const NEGATIVE_LABEL_PHRASES = ['(phone|mobile|telephone) (number|no)', 'e ?mail address', 'user ?name', 'email'];
const NEGATIVE_LABEL = new RegExp(NEGATIVE_LABEL_PHRASES.map((phrase) => ` ${phrase} `).join('|'));

/** Autocomplete tokens that name another kind of field (WHATWG autofill detail tokens). */
export function isForeignAutocomplete(autocomplete: string): boolean {
  return autocomplete
    .toLowerCase()
    .split(/\s+/)
    .some(
      (t) =>
        t === 'username' || t === 'email' || t === 'new-password' || t === 'current-password' ||
        t === 'postal-code' || t === 'webauthn' || t.startsWith('cc-') || t.startsWith('tel') ||
        t.startsWith('address') || t === 'name' || t.endsWith('-name') || t === 'organization',
    );
}

/** True when the autocomplete attribute carries the standard `one-time-code` token. */
export function isOneTimeCodeAutocomplete(autocomplete: string): boolean {
  return /(^|\s)one-time-code(\s|$)/i.test(autocomplete);
}

/** The first strong one-time-code keyword in normalised text, or '' when there is none. */
export function findStrongKeyword(text: string): string {
  const m = STRONG.exec(text);
  if (m?.[1]) return m[1];
  return STRONG_OTHER.find((phrase) => text.includes(phrase)) ?? '';
}

/** The first ambiguous keyword (code, pin, token, verify) in normalised text, or ''. */
export function findAmbiguousKeyword(text: string): string {
  return AMBIGUOUS.exec(text)?.[1] ?? '';
}

// A recovery code offered as the alternative ("Two-factor token or recovery code", MediaWiki's OATHAuth): the field
// takes an authenticator code too, so the alternative alone does not rule it out.
const OR_RECOVERY_CODE = / or (an? |your |one of your )?(backup|recovery|scratch) (codes?|tokens?|keys?) /g;

/** The first word that rules a field out (backup, card, captcha ...); `identifier` adds contact words. */
export function findNegativeKeyword(text: string, identifier: boolean): string {
  const own = text.replace(OR_RECOVERY_CODE, ' ');
  const m = NEGATIVE.exec(own) ?? (identifier ? NEGATIVE_ID : NEGATIVE_LABEL).exec(own);
  return m ? m[0].trim() : '';
}
