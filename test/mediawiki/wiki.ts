import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where the wiki's configuration and SQLite files live, reused by later runs (ignored by git). */
export const WIKI_HOME = resolve('.cache/mediawiki');
const CONFIG_FILE = join(WIKI_HOME, 'LocalSettings.php');
const MARKER_FILE = join(WIKI_HOME, 'installed.json');
const DB_NAME = 'e2ewiki';
/** Site name: the issuer in the wiki's otpauth URIs. */
export const WIKI_NAME = 'E2E Wiki';
/** Bump when the install options or the lines added to LocalSettings.php change: the next run then reinstalls. */
const SETUP_VERSION = 1;
/** Debian's `mediawiki` package puts the wiki here (`dpkg -L mediawiki`). */
const PACKAGE_FOLDERS = ['/usr/share/mediawiki', '/var/lib/mediawiki'];

/**
 * Lines added to the generated LocalSettings.php. The address is given at install time and the wiki redirects
 * to it, so it is read from the environment instead: each run serves the wiki on a free port and says which.
 */
const EXTRA_SETTINGS = `
# End-to-end set-up: the test starts PHP's server on a free loopback port and passes its address here.
$wgServer = getenv( 'MW_E2E_SERVER' ) ?: $wgServer;
`;

/** The installed MediaWiki folder, or a clear error saying what to install. */
export function wikiFolder(): string {
  const found = PACKAGE_FOLDERS.find((folder) => existsSync(join(folder, 'index.php')) && existsSync(join(folder, 'extensions/OATHAuth')));
  if (!found) {
    throw new Error(
      'MediaWiki with OATHAuth is not installed. Install Debian\'s packages: ' +
        'apt-get install --no-install-recommends mediawiki php-cli php-sqlite3 php-intl php-mbstring php-xml',
    );
  }
  return found;
}

/** Runs a MediaWiki maintenance script against the test wiki's configuration. */
async function maintenance(script: string, args: string[]): Promise<string> {
  const { stdout } = await run('php', [script, ...args], {
    cwd: wikiFolder(),
    env: { ...process.env, MW_CONFIG_FILE: CONFIG_FILE },
  });
  return stdout;
}

async function installedMarker(): Promise<string | undefined> {
  return readFile(MARKER_FILE, 'utf8').catch(() => undefined);
}

/**
 * Installs the wiki once (SQLite, OATHAuth enabled) into {@link WIKI_HOME}; later calls reuse it unless the
 * package folder or the set-up changed. Takes about 2–4 s when it installs.
 */
export async function ensureWikiInstalled(): Promise<void> {
  const folder = wikiFolder();
  const marker = JSON.stringify({ setup: SETUP_VERSION, folder });
  if ((await installedMarker()) === marker && existsSync(CONFIG_FILE)) return;
  await rm(WIKI_HOME, { recursive: true, force: true });
  await mkdir(join(WIKI_HOME, 'data'), { recursive: true });
  // The address here is a placeholder: EXTRA_SETTINGS replaces it with the one each run serves on.
  await run(
    'php',
    [
      'maintenance/install.php',
      '--dbtype=sqlite',
      `--dbpath=${join(WIKI_HOME, 'data')}`,
      `--dbname=${DB_NAME}`,
      '--server=http://127.0.0.1:8088',
      '--scriptpath=',
      `--confpath=${WIKI_HOME}`,
      '--lang=en',
      '--pass=Adm1n-e2e-secret',
      '--skins=Vector',
      '--extensions=OATHAuth',
      WIKI_NAME,
      'Admin',
    ],
    { cwd: folder },
  );
  await appendFile(CONFIG_FILE, EXTRA_SETTINGS);
  await writeFile(MARKER_FILE, marker);
}

/** Creates a plain registered wiki user (every user may enable two-factor authentication). */
export async function createWikiUser(name: string, password: string): Promise<void> {
  await maintenance('maintenance/createAndPromote.php', [name, password]);
}

/** The user's row in OATHAuth's `oathauth_users` table, read straight from the wiki's database. */
export interface OathRow {
  module: string;
  /** The TOTP secret the wiki stored (base32). */
  secret: string;
}

const QUERY_OATH_ROW = `
$db = new PDO('sqlite:' . $argv[1]);
$q = $db->prepare('SELECT o.module, o.data FROM oathauth_users o JOIN user u ON u.user_id = o.id WHERE u.user_name = ?');
$q->execute([$argv[2]]);
echo json_encode($q->fetch(PDO::FETCH_ASSOC) ?: null);
`;

/** Reads the user's two-factor row from the wiki's SQLite database; undefined when 2FA is not enabled. */
export async function readOathRow(userName: string): Promise<OathRow | undefined> {
  const { stdout } = await run('php', ['-r', QUERY_OATH_ROW, join(WIKI_HOME, 'data', `${DB_NAME}.sqlite`), userName]);
  const row = JSON.parse(stdout) as { module: string; data: string } | null;
  if (!row) return undefined;
  const data = JSON.parse(row.data) as { keys?: Array<{ secret?: string }> };
  return { module: row.module, secret: data.keys?.[0]?.secret ?? '' };
}

/** A running wiki. */
export interface RunningWiki {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  stop(): Promise<void>;
}

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((done) => (child.exitCode !== null || child.signalCode !== null ? done() : child.once('exit', () => done())));
}

/**
 * Starts PHP's built-in server for the installed wiki on a free loopback port and waits until the login page
 * answers. It runs as the user running the tests, the same one that ran install.php (the SQLite files are 0600).
 */
export async function startWiki(timeoutMs = 20_000): Promise<RunningWiki> {
  await ensureWikiInstalled();
  const port = await freeLoopbackPort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', wikiFolder()], {
    env: { ...process.env, MW_CONFIG_FILE: CONFIG_FILE, MW_E2E_SERVER: origin },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // The server logs each request to stderr; keep the tail for the error message if it does not come up.
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited(child);
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const status = await fetch(`${origin}/index.php?title=Special:UserLogin`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return { origin, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`The wiki did not answer at ${origin} within ${timeoutMs} ms. PHP server output:\n${log}`);
}
