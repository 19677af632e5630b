import { launchWithExtension } from './src/testing';
const out = '/tmp/passkey-verify/shots';
import { mkdirSync } from 'node:fs';
mkdirSync(out, { recursive: true });
for (const colorScheme of ['light', 'dark'] as const) {
  const session = await launchWithExtension({ browser: 'chromium', colorScheme });
  try {
    await session.provision({ passphrase: 'correct horse battery staple', accounts: [{ uri: 'otpauth://totp/Acme:alice@example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Acme', sites: [] }] });
    const tab = await session.openExtensionPage('options.html');
    await tab.setViewport({ width: 1000, height: 1400 });
    const cdp = await tab.createCDPSession();
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', { options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, hasPrf: true, automaticPresenceSimulation: true } as never });
    await tab.waitForSelector('[data-testid="passkey-add-form"]');
    const section = await tab.$('[data-testid="passkey-section"]');
    await section!.screenshot({ path: `${out}/options-empty-${colorScheme}.png` });
    await tab.click('[data-testid="passkey-add"]');
    await tab.waitForSelector('[data-testid="passkey-item"]');
    await (await tab.$('[data-testid="passkey-section"]'))!.screenshot({ path: `${out}/options-added-${colorScheme}.png` });
    await tab.click('[data-testid="lock"]');
    await tab.waitForSelector('[data-testid="passkey-unlock"]');
    await tab.screenshot({ path: `${out}/options-locked-${colorScheme}.png` });
    await tab.goto(session.extensionBaseUrl + 'popup.html');
    await tab.setViewport({ width: 390, height: 600 });
    await tab.waitForSelector('[data-testid="passkey-unlock"]');
    await tab.screenshot({ path: `${out}/popup-locked-${colorScheme}.png` });
    await tab.click('[data-testid="use-passphrase"]');
    await tab.waitForSelector('[data-testid="passphrase"]');
    await tab.screenshot({ path: `${out}/popup-passphrase-${colorScheme}.png` });
    // focus order
    const order = await tab.evaluate(`(() => { const out = [document.activeElement?.dataset.testid]; return out; })()`);
    console.log(colorScheme, 'focus after switching:', order);
  } finally {
    await session.close();
  }
}
