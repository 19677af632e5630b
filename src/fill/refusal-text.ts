// Recognises a portal's answer to a submitted one-time code: "that code was wrong" versus everything else a login
// page says (a prompt, "code sent", a wrong password). Runs in the background on texts the content script saw, so
// the always-on content script stays small.
import { normalizeText } from './detect-text';

// Words that say something failed. Matched on normalised text (accents stripped, apostrophes to spaces).
const FAILED = new RegExp(
  ' (invalid|incorrect|wrong|failed|expired|mismatch|rejected|not valid|doesn t match|does not match|didn t match|' +
    'didn t work|did not work|didn t enter the expected|already (been )?used|' +
    'ungultig(e|er|es)?|falsch(e|er|es)?|fehlgeschlagen|abgelaufen|nicht korrekt|stimmt nicht|nicht den erwarteten|' +
    'incorrecte?|invalide|errone(e)?|expire(e)?|a echoue|n est pas valide|' +
    'incorrecto|invalido|no es valido|no valido|caducado|vencido|erroneo|ha fallado|' +
    'incorreto|non valido|errato|scaduto|ongeldige?|onjuiste?|nieprawidlowy|' +
    'неверный|неправильный|неверно|无效|错误|無効|잘못된) ',
);

// Words that name the one-time code. "code" as a substring also catches compounds ("Bestätigungscode", "passcode").
const CODE = /code|codigo|codice| kod | token | otp | two factor | 2fa | authenticator|bestatigung|verifizierung|код|验证码|認証|인증/;
// Words that name the check a code is for, but also appear on password steps ("Authentication failed").
const CHECK = / (verification|verify|authentication|pin) /;
const PASSWORD = / (password|passwort|kennwort|mot de passe|contrasena|senha|username|user name|пароль) /;

/** What one text a portal shows after a code was submitted says about it. */
export type NoticeKind = 'code-refused' | 'other-failure' | 'neutral';

/**
 * Classifies one text: a failure that names the code ("Invalid two-factor code."), a failure about something
 * else ("Incorrect email or password."), or neither ("Enter the code from your app", "Code sent").
 */
export function classifyNotice(raw: string): NoticeKind {
  const text = normalizeText(raw.slice(0, 400));
  if (!FAILED.test(text)) return 'neutral';
  if (CODE.test(text)) return 'code-refused';
  return CHECK.test(text) && !PASSWORD.test(text) ? 'code-refused' : 'other-failure';
}

/**
 * Whether the portal refused the code: one of the texts says so, or the code step came back (`shownAgain`) with
 * no text blaming something else, such as the password on the same form.
 */
export function judgeRefusal(texts: readonly string[], shownAgain: boolean): boolean {
  const kinds = texts.map(classifyNotice);
  if (kinds.includes('code-refused')) return true;
  return shownAgain && !kinds.includes('other-failure');
}
