/**
 * The tester kit as a tester gets it: the package is built and packed, examples/tester is copied to a folder outside
 * the repository with the tarball beside it, installed with npm, and its own `npm test` logs into the demo portal
 * with Puppeteer (Chromium and Firefox at once) and Playwright (Chromium, from a kept profile). A file missing from
 * the package, or a path into this repository, fails here. The portal runs in this process so its server state
 * shows what each login sent.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/testing/extension-build';
import { type Portal, startPortal } from '../portal/server';
import { addUser, DEMO_PASSWORD } from '../portal/state';

const run = promisify(execFile);
const TESTERS = ['chromium', 'firefox', 'playwright'] as const;

/** The environment of a fresh shell: nothing npm set for this repository's own run leaks into the tester's. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|VITEST|NODE_OPTIONS$|INIT_CWD$)/i.test(key)));
  return { ...env, ...extra };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('the tester package, installed outside the repository', () => {
  let portal: Portal;
  let project: string;

  beforeAll(async () => {
    await run('npm', ['run', 'build:testing'], { cwd: PACKAGE_ROOT });
    project = await mkdtemp(join(tmpdir(), 'tester-project-'));
    await cp(join(PACKAGE_ROOT, 'examples', 'tester'), project, { recursive: true, filter: (source) => !source.includes('node_modules') });
    const { stdout } = await run('npm', ['pack', '--workspace', '@portal-authenticator/testing', '--pack-destination', project, '--json'], { cwd: PACKAGE_ROOT });
    const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
    if (!packed) throw new Error(`npm pack wrote no tarball: ${stdout}`);
    await cp(join(project, packed.filename), join(project, 'portal-authenticator-testing.tgz'));
    // The registry is reachable, but the packages are in npm's cache after the repository's own install.
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: project, env: cleanEnv({}) });
    portal = await startPortal({ port: 0 });
  }, 240_000);

  afterAll(async () => {
    await portal?.close();
    if (project) await rm(project, { recursive: true, force: true });
  });

  it('ships its JavaScript, declarations and both extension builds, and nothing points back into this repository', async () => {
    const installed = join(project, 'node_modules', '@portal-authenticator', 'testing');
    const files = (await filesUnder(installed)).map((file) => file.slice(installed.length + 1));
    for (const expected of ['dist/index.js', 'dist/index.d.ts', 'dist/playwright.js', 'dist/playwright.d.ts', 'extension/chrome-mv3/manifest.json', 'extension/firefox-mv2/manifest.json']) {
      expect(files).toContain(expected);
    }
    const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8')) as Record<string, Record<string, unknown> | undefined>;
    expect(manifest.scripts ?? {}).not.toHaveProperty('postinstall');
    expect(manifest.dependencies ?? {}).toEqual({});
    for (const file of files.filter((f) => f.startsWith('dist/'))) {
      expect(await readFile(join(installed, file), 'utf8'), file).not.toContain(PACKAGE_ROOT);
    }
  });

  it("the example's npm test logs each browser into the portal with the code the extension filled", async () => {
    const env: Record<string, string> = { PORTAL_URL: portal.url, PORTAL_PASSWORD: DEMO_PASSWORD };
    for (const tester of TESTERS) {
      const user = addUser(portal.state, { email: `${tester}@example.com`, password: DEMO_PASSWORD, mfa: true });
      user.totpSecret = new Secret({ size: 20 }).base32;
      user.enrolled = true;
      const totp = new TOTP({ issuer: 'Acme Corp', label: user.email, secret: user.totpSecret });
      env[`MFA_${tester.toUpperCase()}_PORTAL`] = totp.toString();
      env[`MFA_${tester.toUpperCase()}_PORTAL_SITES`] = portal.url;
    }
    const result = await run('npm', ['test'], { cwd: project, env: cleanEnv(env), maxBuffer: 16 * 1024 * 1024 }).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`The example's npm test failed:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
    });
    expect(result.stdout).toMatch(/# pass 2/);
    // What the portal itself accepted: one code per user, and a session that reached the signed-in stage.
    for (const tester of TESTERS) {
      const user = portal.state.users.get(`${tester}@example.com`);
      expect(user?.lastUsedStep, tester).toBeGreaterThan(0);
      expect(user?.failedAttempts, tester).toBe(0);
      expect([...portal.state.sessions.values()].some((s) => s.email === user?.email && s.stage === 'authenticated'), tester).toBe(true);
    }
  }, 180_000);
});
