// Starts the demo portal with alice and bob seeded: tsx test/portal/main.ts [--port 8417] [--host 127.0.0.1]
import { startPortal } from './server';
import { DEMO_PASSWORD } from './state';

function readFlag(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  if (index >= 0 && (value === undefined || value.startsWith('--'))) throw new Error(`--${name} needs a value, e.g. --port 8417`);
  return value ?? fallback;
}

const port = Number(readFlag('port', '8417'));
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('--port must be a whole number from 0 to 65535, e.g. --port 8417');
  process.exit(2);
}
const portal = await startPortal({ port, host: readFlag('host', '127.0.0.1'), seed: true });
console.log(`Acme Corp User Portal (demo) running at ${portal.url}`);
console.log(`  Start at ${portal.url}/admin: enable MFA for alice@example.com, then open ${portal.url}/outbox`);
console.log(`  Console flow: ${portal.url}/console/login as bob@example.com`);
console.log(`  Both demo users' password: "${DEMO_PASSWORD}"`);
console.log('Press Ctrl-C to stop.');

const stop = () => {
  void portal.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
