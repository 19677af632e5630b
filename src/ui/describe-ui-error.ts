import { PortalError } from '../errors';
import { t } from './i18n';

/** The message to show a person for anything a request threw: the background's own words when it sent some. */
export function describeUiError(error: unknown): string {
  if (error instanceof PortalError) return error.userMessage;
  return t('error_unexpected');
}

/** Whether the background refused because the vault is locked (the popup then shows the unlock form). */
export function isLockedError(error: unknown): boolean {
  return error instanceof PortalError && error.code.startsWith('vault/locked');
}
