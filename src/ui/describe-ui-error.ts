import { PortalError } from '../errors';
import { t, type MessageKey } from './i18n';

/**
 * The message to show a person for anything thrown: the error's message in the UI language when it has a key,
 * else its English wording (an error not yet given a key), else the general "something went wrong".
 */
export function describeUiError(error: unknown): string {
  if (!(error instanceof PortalError)) return t('error_unexpected');
  const key = error.text?.key as MessageKey | undefined;
  const translated = key ? t(key, ...(error.text?.subs ?? [])) : undefined;
  return translated && translated !== key ? translated : error.userMessage;
}

/** Whether the background refused because the vault is locked (the popup then shows the unlock form). */
export function isLockedError(error: unknown): boolean {
  return error instanceof PortalError && error.code.startsWith('vault/locked');
}
