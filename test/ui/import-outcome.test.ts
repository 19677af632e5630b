import { beforeEach, describe, expect, it } from 'vitest';
import { describeImportOutcome, readFileBase64 } from '../../src/ui/import-outcome';
import { useEnglishMessages } from './helpers';

describe('describeImportOutcome', () => {
  beforeEach(() => useEnglishMessages());

  it('says "Added N of M" only when the vault read back holds every promised account', () => {
    expect(describeImportOutcome({ added: 14, skipped: 0, promised: 14, verified: true, missing: [] })).toEqual({ ok: true, text: 'Added 14 of 14. Read back from the vault: every account is there.' });
    expect(describeImportOutcome({ added: 13, skipped: 1, promised: 14, verified: true, missing: [] }).text).toBe('Added 13 of 14 (1 already in the vault). Read back from the vault: every account is there.');
    const failed = describeImportOutcome({ added: 14, skipped: 0, promised: 14, verified: false, missing: ['Acme — alice', 'VPN — dave'] });
    expect(failed.ok).toBe(false);
    expect(failed.text).not.toMatch(/Added/);
    expect(failed.text).toContain('not every account was found when the vault was read back: Acme — alice, VPN — dave (2 of 14)');
    expect(failed.text).toContain('Acme — alice, VPN — dave');
  });

  it('carries a binary file’s bytes unchanged', async () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) & 0xff);
    expect(Buffer.from(await readFileBase64(new Blob([bytes])), 'base64').equals(Buffer.from(bytes))).toBe(true);
  });
});
