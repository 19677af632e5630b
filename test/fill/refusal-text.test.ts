import { describe, expect, it } from 'vitest';
import { classifyNotice, judgeRefusal, type NoticeKind } from '../../src/fill/refusal-text';

// [product, text shown after a code was submitted, what it says about the code]
const ROWS: Array<[string, string, NoticeKind]> = [
  ['GitHub', 'Two-factor authentication failed.', 'code-refused'],
  ['MediaWiki OATHAuth', 'Verification failed.', 'code-refused'],
  ['Okta', "Your code doesn't match our records. Please try again.", 'code-refused'],
  ['Okta', 'Invalid Passcode/Answer', 'code-refused'],
  ['Microsoft', "You didn't enter the expected verification code. Please try again.", 'code-refused'],
  ['Microsoft', "That code didn't work. Check the code and try again.", 'code-refused'],
  ['Google', 'Wrong code. Try again.', 'code-refused'],
  ['GitLab', 'Invalid two-factor code.', 'code-refused'],
  ['Keycloak', 'Invalid authenticator code.', 'code-refused'],
  ['AWS', 'Your authentication information is incorrect. Please try again.', 'code-refused'],
  ['JumpCloud demo portal', 'That code is incorrect or has expired. Wait for a new code and try again.', 'code-refused'],
  ['replay', 'That code was already used. Wait for the next code.', 'code-refused'],
  ['German', 'Der Bestätigungscode ist ungültig.', 'code-refused'],
  ['German (Microsoft)', 'Sie haben nicht den erwarteten Prüfcode eingegeben.', 'code-refused'],
  ['German', 'Falscher Code. Versuchen Sie es noch einmal.', 'code-refused'],
  ['French (Google)', 'Code incorrect. Veuillez réessayer.', 'code-refused'],
  ['French', "Le code de vérification n'est pas valide.", 'code-refused'],
  ['Spanish (Google)', 'Código incorrecto. Vuelve a intentarlo.', 'code-refused'],
  ['Spanish', 'El código de verificación ha caducado.', 'code-refused'],
  // Not refusals of the code.
  ['prompt', 'Enter the code from your app', 'neutral'],
  ['SMS notice', 'Code sent', 'neutral'],
  ['expiry notice', 'Your code expires in 10 minutes.', 'neutral'],
  ['German prompt', 'Geben Sie den Code aus Ihrer App ein.', 'neutral'],
  ['French notice', 'Nous vous avons envoyé un code.', 'neutral'],
  ['Spanish notice', 'Código enviado', 'neutral'],
  ['password step', 'Incorrect password', 'other-failure'],
  ['demo portal password', 'Incorrect email or password. Check them and try again.', 'other-failure'],
  ['password step', 'Authentication failed. Incorrect username or password.', 'other-failure'],
  ['session', 'Your session has expired. Sign in again.', 'other-failure'],
  ['German password', 'Das Passwort ist falsch.', 'other-failure'],
];

describe('classifyNotice', () => {
  it.each(ROWS)('%s: "%s" is %s', (_product, text, kind) => {
    expect(classifyNotice(text)).toBe(kind);
  });

  it('looks at a bounded amount of text', () => {
    expect(classifyNotice(`${'a '.repeat(300)}Invalid code`)).toBe('neutral');
  });
});

describe('judgeRefusal', () => {
  it('a text that refuses the code is a refusal, wherever it is among the texts', () => {
    expect(judgeRefusal(['Code sent', 'Invalid two-factor code.'], false)).toBe(true);
  });

  it('the code step shown again with no text is a refusal; without it, nothing is', () => {
    expect(judgeRefusal([], true)).toBe(true);
    expect(judgeRefusal([], false)).toBe(false);
    expect(judgeRefusal(['Enter the code from your app'], false)).toBe(false);
  });

  it('the step shown again because the password was wrong is not a refusal of the code', () => {
    expect(judgeRefusal(['Incorrect email or password. Check them and try again.'], true)).toBe(false);
  });
});
