// Shared by the widget pages (bundled into each): what the page's Verify button sends to the test server.

/** What a widget page posts to `/verify`: the code held in the framework's state, and the recovery field's state. */
export interface VerifyReport {
  page: string;
  code: string;
  recovery?: string;
}

/** Posts the app's own state to the test server, as a real Verify handler would send it to its back end. */
export async function sendVerify(report: VerifyReport): Promise<void> {
  await fetch('/verify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(report) });
  document.title = `Sent ${report.page}`;
}

/** Where each page mounts its app. */
export function appRoot(): HTMLElement {
  return document.getElementById('app')!;
}

/** The words of a realistic MFA step. */
export const MFA = {
  heading: 'Two-factor authentication',
  instructions: 'Enter the 6-digit code from your authenticator app.',
  verify: 'Verify',
} as const;
