import { rm } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchWithExtension } from '../../src/testing';
import { BROWSERS, SAMPLE_SECRET, TEST_PASSPHRASE, sampleUri } from './browsers';
import { startFixtureServer, type FixtureServer } from './fill/fixture-server';
import { stepOfCode, waitForBoxes } from './fill/helpers';
import { bundleWidgetPages } from './widgets/bundle';
import { startWidgetServer, type WidgetServer } from './widgets/widget-server';

// Each page is a real OTP widget library in a realistic MFA step. A page passes only when the code its Verify handler
// took from the framework's state (React/Vue), as received by the server, is a current code of the provisioned secret.

const PAGES = ['input-otp', 'react-otp-input', 'mantine-pin-input', 'chakra-pin-input', 'vue3-otp-input'] as const;
const SCENARIOS = ['spa-sign-in', 'dialog-late', 'recovery-choice'] as const;
/** Fixture pages of the widget patterns (test/fixtures/forms) that must be filled the same in both browsers. */
const FIXTURES = ['digit-group-aria-digit-labels.html'] as const;

let bundleDir: string;
/** One server (one origin) per page: a site that received a code gets the next one only in the next period. */
const servers = new Map<string, WidgetServer>();
const fixtureServers = new Map<string, FixtureServer>();

beforeAll(async () => {
  bundleDir = await bundleWidgetPages();
  for (const name of [...PAGES, ...SCENARIOS]) servers.set(name, await startWidgetServer(bundleDir));
  for (const name of FIXTURES) fixtureServers.set(name, await startFixtureServer());
});
afterAll(async () => {
  await Promise.all([...servers.values(), ...fixtureServers.values()].map((s) => s.close()));
  if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
});

/** Resolves once the widget shows six digits in its fields (one input holding them, or six boxes), else says what it shows. */
async function waitForSixDigits(page: Page, timeout = 15_000): Promise<void> {
  const shown = () => {
    const inputs = [...document.querySelectorAll<HTMLInputElement>('#mfa input:not([type=hidden]):not(#recovery)')];
    const whole = inputs.some((i) => /^\d{6}$/.test(i.value));
    const boxes = inputs.filter((i) => i.value.length <= 1).map((i) => i.value).join('');
    return whole || /^\d{6}$/.test(boxes) ? 'filled' : JSON.stringify(inputs.map((i) => i.value));
  };
  await page.waitForFunction((f: string) => new Function(`return (${f})()`)() === 'filled', { timeout }, shown.toString()).catch(async (error: Error) => {
    throw new Error(`${error.message}: the widget's fields hold ${await page.evaluate(shown)}`);
  });
}

describe.each(BROWSERS)('real OTP widgets in %s', (browserName) => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchWithExtension({ browser: browserName });
    await session.provision({ passphrase: TEST_PASSPHRASE, accounts: [{ uri: sampleUri(), sites: [...servers.values(), ...fixtureServers.values()].map((s) => s.origin) }] });
  });
  afterAll(async () => {
    await session?.close();
  });

  /** Opens `/<name>`, waits for the fill, clicks Verify, and returns what the server received from the page. */
  const verifyPage = async (name: string, before?: (page: Page) => Promise<void>) => {
    const server = servers.get(name)!;
    const page = await session.browser.newPage();
    const t0 = Date.now();
    try {
      await page.goto(`${server.origin}/${name}`);
      await before?.(page);
      await waitForSixDigits(page);
      const sent = server.reports.length;
      await page.click('#verify');
      await page.waitForFunction((n: string) => document.title === `Sent ${n}`, { timeout: 10_000 }, name);
      const report = server.reports.slice(sent).find((r) => r.page === name);
      expect(report, `the server got a report from ${name}`).toBeDefined();
      expect(stepOfCode(SAMPLE_SECRET, report!.code, t0, Date.now()), `"${report!.code}" held in ${name}'s state is a current code`).toBeDefined();
      return report!;
    } finally {
      await page.close();
    }
  };

  it.each(PAGES)(
    '%s: the framework state holds the filled code',
    async (name) => {
      await verifyPage(name);
    },
  );

  it('a sign-in form replaced by the OTP step (single-page app)', async () => {
    await verifyPage('spa-sign-in', async (page) => {
      await page.waitForSelector('#username');
      await page.type('#username', 'alice');
      await page.type('#password', 'Alice-pass-1');
      await page.click('#sign-in-button');
      await page.waitForSelector('#mfa');
    });
  });

  it('the OTP step in a focus-trapped modal that opens a second after load', async () => {
    await verifyPage('dialog-late', async (page) => {
      await page.waitForSelector('[role=dialog] #mfa', { timeout: 10_000 });
    });
  });

  it('fills the OTP widget and leaves the recovery-code field empty', async () => {
    const report = await verifyPage('recovery-choice');
    expect(report.recovery).toBe('');
  });

  it.each(FIXTURES)('%s: every box gets its digit', async (file) => {
    const page = await session.browser.newPage();
    const t0 = Date.now();
    try {
      await page.goto(`${fixtureServers.get(file)!.origin}/forms/${file}`);
      const code = await waitForBoxes(page, 'input', 15_000);
      expect(stepOfCode(SAMPLE_SECRET, code, t0, Date.now()), `"${code}" is a current code`).toBeDefined();
    } finally {
      await page.close();
    }
  });
});
