import { generateTotp } from '../../src/otp';
import { createVaultService } from '../../src/vault';
import { createMemoryArea } from './memory-area';
import { type Figure, round, timeMedian } from './measure';

const ACCOUNT = { type: 'totp', issuer: 'Acme', accountName: 'alice', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 } as const;

/** OTP throughput, unlock with the default Argon2id cost, and a save with 500 accounts. */
export async function benchCore(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const count = 20_000;
  const start = performance.now();
  for (let i = 0; i < count; i++) generateTotp(ACCOUNT, 1_700_000_000_000 + i * 30_000);
  figures.push({ group: 'otp', name: 'TOTP codes per second (SHA1, 6 digits)', value: Math.round(count / ((performance.now() - start) / 1000)), unit: '/s' });

  const vault = createVaultService({ local: createMemoryArea(), session: createMemoryArea() });
  await vault.create('correct horse battery staple');
  const unlock = await timeMedian(5, async () => {
    await vault.lock();
    await vault.unlock('correct horse battery staple');
  });
  figures.push({ group: 'vault', name: 'unlock (Argon2id m=19 MiB, t=2, p=1)', value: round(unlock), unit: 'ms', target: '≤ 500 ms' });

  await vault.importAccounts(Array.from({ length: 500 }, (_, i) => ({ ...ACCOUNT, issuer: `Issuer ${i}`, sites: [`https://portal${i}.example.com`] })));
  let n = 0;
  const accounts = await vault.list();
  const saveWith500 = await timeMedian(10, () => vault.update(accounts[0]!.id, { accountName: `alice ${n++}` }));
  figures.push({ group: 'vault', name: `save with ${accounts.length} accounts (encrypt, write, read back)`, value: round(saveWith500), unit: 'ms' });
  return figures;
}
