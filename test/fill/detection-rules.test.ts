import { afterEach, describe, expect, it } from 'vitest';
import { findOtpFields } from '../../src/fill/detect';
import { createDetectionPass } from '../../src/fill/detect-pass';
import { scoreSingleInput } from '../../src/fill/detect-score';
import {
  AMBIGUOUS_WORDS,
  NEGATIVE_ID_WORDS,
  NEGATIVE_LABEL_PHRASES,
  NEGATIVE_WORDS,
  STRONG_OTHER_PHRASES,
  STRONG_WORDS,
} from '../../src/fill/detect-text';
import { loadHtml, measureFromStyles } from './dom';

// The detection rules as one table: a page snippet, whether the field `#f` is filled or refused, and the rule that
// decided it (the scoring's reason). Every entry of every keyword list has a row; a row names the entry it is for.

type Outcome = 'fill' | 'refuse';
interface RuleRow {
  /** The keyword list entry the row is for (as written in src/fill/detect-text.ts). */
  entry: string;
  snippet: string;
  outcome: Outcome;
  /** The reason the scoring gives for `#f`: `keyword:…@id`, `negative:…`, `ambiguous:…`. */
  rule: string;
}

/** The field named `name`, labelled as a code field: only a negative word in the name can refuse it. */
const namedBeside = (name: string) => `<label for="f">Verification code</label><input id="f" name="${name}" inputmode="numeric" maxlength="6">`;
/** A field with a meaningless name and the label `label`. */
const labelled = (label: string) => `<label for="f">${label}</label><input id="f" name="f1">`;
/** A field whose only strong signal is its name. */
const named = (name: string) => `<input id="f" name="${name}">`;
/** An ambiguous name with two numeric signals, which is enough on its own. */
const ambiguous = (name: string) => `<input id="f" name="${name}" inputmode="numeric" maxlength="6">`;

const STRONG_ROWS: RuleRow[] = [
  ['otp', 'otp', 'otp'], ['totp', 'totp', 'totp'], ['hotp', 'hotpValue', 'hotp'], ['otc', 'otc', 'otc'], ['mfa', 'mfa', 'mfa'],
  ['2fa', '2fa', '2fa'], ['twofa', 'twofa', 'twofa'], ['tfa', 'tfa_input', 'tfa'], ['2sv', '2sv', '2sv'],
  ['passcode', 'credentials.passcode', 'passcode'], ['authenticator', 'authenticatorInput', 'authenticator'],
  ['authcode', 'authcode', 'authcode'], ['challenge', 'challenge', 'challenge'], ['one ?time', 'oneTimeCode', 'one time'],
  ['two ?factor', 'two_factor', 'two factor'], ['2 ?factor', '2factor', '2factor'], ['second ?factor', 'secondFactor', 'second factor'],
  ['multi ?factor', 'multifactor', 'multifactor'], ['two ?step', 'twoStepCode', 'two step'], ['2 ?step', '2-step', '2 step'],
  ['verification ?code', 'verificationCode', 'verification code'], ['verify ?code', 'verify_code', 'verify code'],
  ['security ?code', 'securityCode', 'security code'], ['auth(entication)? ?code', 'authenticationCode', 'authentication code'],
  ['(6|six|8|eight) ?digits?', 'sixDigitCode', 'six digit'], ['(auth(entication)?|security|mfa|software|soft|hardware|rsa) ?token', 'softToken', 'soft token'],
  ['token ?code', 'tokenCode', 'token code'],
].map(([entry, name, word]) => ({ entry: entry!, snippet: named(name!), outcome: 'fill', rule: `keyword:${word}@id` }));

const STRONG_OTHER_ROWS: RuleRow[] = [
  ['codigo de verificacion', 'Código de verificación', 'codigo de verificacion'],
  ['codigo de verificacao', 'Código de verificação', 'codigo de verificacao'],
  ['codigo de seguranca', 'Código de segurança', 'codigo de seguranca'],
  ['codigo de un solo uso', 'Código de un solo uso', 'codigo de un solo uso'],
  ['bestatigungscode', 'Bestätigungscode', 'bestatigungscode'],
  ['sicherheitscode', 'Sicherheitscode eingeben', 'sicherheitscode'],
  ['verifizierungscode', 'Verifizierungscode', 'verifizierungscode'],
  ['einmalcode', 'Einmalcode', 'einmalcode'],
  ['einmalpasswort', 'Einmalpasswort', 'einmalpasswort'],
  ['code de verification', 'Code de vérification', 'code de verification'],
  ['code de securite', 'Code de sécurité', 'code de securite'],
  ['mot de passe a usage unique', 'Mot de passe à usage unique', 'mot de passe a usage unique'],
  ['codice di verifica', 'Codice di verifica', 'codice di verifica'],
  ['verificatiecode', 'Verificatiecode', 'verificatiecode'],
  ['beveiligingscode', 'Beveiligingscode', 'beveiligingscode'],
  ['kod weryfikacyjny', 'Kod weryfikacyjny', 'kod weryfikacyjny'],
  ['kod jednorazowy', 'Kod jednorazowy', 'kod jednorazowy'],
  ['код подтверждения', 'Код подтверждения', 'код подтверждения'],
  // Normalising strips combining marks, so й reads as и on both sides.
  ['проверочный код', 'Проверочный код', 'проверочныи код'],
  ['одноразовый код', 'Одноразовый код', 'одноразовыи код'],
  ['код аутентификации', 'Код аутентификации', 'код аутентификации'],
  ['验证码', '验证码', '验证码'],
  ['驗證碼', '驗證碼', '驗證碼'],
  ['动态码', '动态码', '动态码'],
  ['認証コード', '認証コード', '認証コード'],
  ['確認コード', '確認コード', '確認コード'],
  ['ワンタイムパスワード', 'ワンタイムパスワード', 'ワンタイムパスワード'],
  ['인증 코드', '인증 코드', '인증 코드'],
  ['인증코드', '인증코드를 입력하세요', '인증코드'],
  ['인증번호', '인증번호', '인증번호'],
  ['dogrulama kodu', 'Doğrulama kodu', 'dogrulama kodu'],
].map(([entry, label, word]) => ({ entry: entry!, snippet: labelled(label!), outcome: 'fill', rule: `keyword:${word}@label` }));

const AMBIGUOUS_ROWS: RuleRow[] = [
  ['codes?', 'codes', 'codes'], ['pin', 'pin', 'pin'], ['token', 'token', 'token'], ['verify', 'verify', 'verify'],
  ['verification', 'verification', 'verification'], ['auth', 'auth', 'auth'], ['digits?', 'digits', 'digits'], ['key', 'key', 'key'],
].map(([entry, name, word]) => ({ entry: entry!, snippet: ambiguous(name!), outcome: 'fill', rule: `ambiguous:${word}` }));

const NEGATIVE_ROWS: RuleRow[] = [
  ['backup', 'backupCode', 'backup'], ['recovery', 'recovery_code', 'recovery'], ['scratch', 'scratch-code', 'scratch'],
  ['coupon', 'coupon', 'coupon'], ['promo', 'promoCode', 'promo'], ['discount', 'discount_code', 'discount'],
  ['gift', 'giftCode', 'gift'], ['voucher', 'voucher', 'voucher'], ['referral', 'referralCode', 'referral'], ['zip', 'zip', 'zip'],
  ['postal', 'postal_code', 'postal'], ['postcode', 'postcode', 'postcode'], ['bank', 'bankCode', 'bank'],
  ['card', 'cardNumber', 'card'], ['cvc', 'cvc', 'cvc'], ['cvv', 'cvv2', 'cvv'], ['csc', 'csc', 'csc'], ['cvn', 'cvn', 'cvn'],
  ['captcha', 'captcha', 'captcha'], ['recaptcha', 'recaptchaCode', 'recaptcha'], ['hcaptcha', 'hcaptcha', 'hcaptcha'],
  ['search', 'searchCode', 'search'], ['invite', 'inviteCode', 'invite'], ['invitation', 'invitationCode', 'invitation'],
  ['comment', 'comment', 'comment'], ['newsletter', 'newsletterCode', 'newsletter'], ['iban', 'iban', 'iban'], ['cc ', 'cc', 'cc'],
].map(([entry, name, word]) => ({ entry: entry!, snippet: namedBeside(name!), outcome: 'refuse', rule: `negative:${word}` }));

const NEGATIVE_ID_ROWS: RuleRow[] = [
  ['phone', 'phoneCode', 'phone'], ['mobile', 'mobile', 'mobile'], ['telephone', 'telephone', 'telephone'], ['tel', 'tel', 'tel'],
  ['e ?mail', 'e-mail', 'e mail'], ['mail', 'mail', 'mail'], ['username', 'username', 'username'], ['login ?name', 'loginName', 'login name'],
  ['user ?name', 'user_name', 'user name'], ['userid', 'userid', 'userid'], ['account ?number', 'accountNumber', 'account number'],
].map(([entry, name, word]) => ({ entry: entry!, snippet: namedBeside(name!), outcome: 'refuse', rule: `negative:${word}` }));

const NEGATIVE_LABEL_ROWS: RuleRow[] = [
  ['(phone|mobile|telephone) (number|no)', 'Mobile number', 'mobile number'],
  ['e ?mail address', 'E-mail address', 'e mail address'],
  ['user ?name', 'User name', 'user name'],
  ['email', 'Email', 'email'],
].map(([entry, label, word]) => ({
  entry: entry!,
  snippet: `<label for="f">${label}</label><input id="f" name="code" inputmode="numeric" maxlength="6">`,
  outcome: 'refuse',
  rule: `negative:${word}`,
}));

const windows: { happyDOM: { close(): Promise<void> } }[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

function decide(snippet: string): { outcome: Outcome; reasons: string[] } {
  const { window, document } = loadHtml(`<!doctype html><html><body><form>${snippet}<button>Sign in</button></form></body></html>`);
  windows.push(window);
  const field = document.getElementById('f') as HTMLInputElement;
  const match = findOtpFields(document, { measure: measureFromStyles });
  const filled = match.kind === 'single' && match.input === field;
  return { outcome: filled ? 'fill' : 'refuse', reasons: scoreSingleInput(field, createDetectionPass()).reasons };
}

describe.each([
  ['strong English words', STRONG_WORDS, STRONG_ROWS],
  ['strong words in other languages', STRONG_OTHER_PHRASES, STRONG_OTHER_ROWS],
  ['ambiguous words', AMBIGUOUS_WORDS, AMBIGUOUS_ROWS],
  ['negative words', NEGATIVE_WORDS, NEGATIVE_ROWS],
  ['contact words in a name', NEGATIVE_ID_WORDS, NEGATIVE_ID_ROWS],
  ['contact phrases in a label', NEGATIVE_LABEL_PHRASES, NEGATIVE_LABEL_ROWS],
] as const)('detection rules: %s', (_, list, rows) => {
  it('has a row for every entry of the list', () => {
    expect(new Set(rows.map((r) => r.entry))).toEqual(new Set(list));
  });

  it.each(rows.map((r) => [r.entry, r] as const))('%s', (_, row) => {
    const decided = decide(row.snippet);
    expect(decided.outcome).toBe(row.outcome);
    // A refusal is refused by this rule alone; a fill lists it among its reasons.
    if (row.outcome === 'refuse') expect(decided.reasons).toEqual([row.rule]);
    else expect(decided.reasons).toContain(row.rule);
  });
});
