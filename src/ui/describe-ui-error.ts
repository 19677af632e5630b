import { PortalError } from '../errors';
import { t, translate } from './i18n';

/** The message to show a person for anything thrown: the error's own message in the UI language, else "something went wrong". */
export function describeUiError(error: unknown): string {
  return error instanceof PortalError ? translate(error.text) : t('error_unexpected');
}

/** Whether the background refused because the vault is locked (the popup then shows the unlock form). */
export function isLockedError(error: unknown): boolean {
  return error instanceof PortalError && error.code.startsWith('vault/locked');
}
