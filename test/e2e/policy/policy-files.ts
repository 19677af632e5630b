import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CHROME_EXTENSION_ID, GECKO_ID } from '../../../src/extension-ids';
import { findBrowserExecutable } from '../../../src/testing';

/** Debian Chromium's managed policy folder; a file of our own name, so no other policy is touched. */
export const CHROMIUM_POLICY_FILE = '/etc/chromium/policies/managed/portal-authenticator-test.json';

/** An allowedSites entry Chrome's schema lets through (it is text) but the extension must ignore with a warning. */
export const INVALID_SITE = 'ftp://portal.example.com';

/** Firefox reads `distribution/policies.json` beside its binary (Debian: /usr/lib/firefox-esr/distribution/). */
export function firefoxPolicyFile(executable = findBrowserExecutable('firefox')): string {
  return join(dirname(realpathSync(executable)), 'distribution', 'policies.json');
}

/** The managed settings under test: every kind of key, plus one invalid allow-list entry. */
export function buildTestPolicy(allowedOrigin: string): Record<string, unknown> {
  return {
    allowedSites: [allowedOrigin, INVALID_SITE],
    allowAutoSubmit: false,
    autoFill: true,
    maxAutoLockMinutes: 5,
    allowPlainExport: false,
    backupReminder: 'insist',
  };
}

/** Chromium's policy file: the extension's settings under 3rdparty → extensions → its id. */
export function chromiumPolicyDocument(policy: Record<string, unknown>): unknown {
  return { '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: policy } } };
}

/** Firefox's policies.json: the extension's settings under policies → 3rdparty → Extensions → its add-on id. */
export function firefoxPolicyDocument(policy: Record<string, unknown>): unknown {
  return { policies: { '3rdparty': { Extensions: { [GECKO_ID]: policy } } } };
}

/** True for a policies.json that holds nothing but this test's entry (a leftover of an interrupted run). */
export function isFirefoxTestLeftover(existing: unknown): boolean {
  const policies = (existing as { policies?: Record<string, unknown> } | undefined)?.policies;
  if (!policies || Object.keys(policies).join() !== '3rdparty') return false;
  const extensions = (policies['3rdparty'] as { Extensions?: Record<string, unknown> } | undefined)?.Extensions;
  return !!extensions && Object.keys(extensions).join() === GECKO_ID;
}
