import type { AccountView, ImportPreview } from '../messages';
import type { Translatable } from '../translatable';
import type { UiClient } from './client';
import { isMigrationLink } from './decode-image-file';

/** What happened to a pasted or decoded link: one account saved, or a migration batch waiting for confirmation. */
export type OtpTextOutcome =
  | { kind: 'added'; account: AccountView; warning?: Translatable }
  | { kind: 'preview'; preview: ImportPreview };

/** Sends an `otpauth://` link to `accounts.addUri`, or an `otpauth-migration://` link through `import.preview`. */
export async function submitOtpText(client: UiClient, text: string, sites: string[]): Promise<OtpTextOutcome> {
  const trimmed = text.trim();
  if (isMigrationLink(trimmed)) return { kind: 'preview', preview: await client.request({ type: 'import.preview', text: trimmed }) };
  const { account, warning } = await client.request({ type: 'accounts.addUri', uri: trimmed, sites });
  return { kind: 'added', account, warning };
}
