import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from '../../src/vault/bytes';
import { createPassphraseHeader, generateDataKey, openEnvelope, sealEnvelope, unwrapDataKey } from '../../src/vault/crypto';
import { BACKUP_FORMAT, parseEnvelope, VAULT_FORMAT } from '../../src/vault/envelope';
import { DEFAULT_KDF_PARAMS } from '../../src/vault/kdf';

describe('envelope crypto', () => {
  it('round-trips, binds the header as AAD, and uses a distinct nonce on each of 10,000 saves', async () => {
    const dataKey = generateDataKey();
    const header = await createPassphraseHeader(VAULT_FORMAT, dataKey, 'correct horse battery', DEFAULT_KDF_PARAMS);
    const plaintext = encodeUtf8('{"accounts":[]}');

    const sealed = await sealEnvelope(header, dataKey, plaintext);
    const parsed = parseEnvelope(sealed, VAULT_FORMAT);
    expect(await unwrapDataKey(parsed, 'correct horse battery')).toEqual(dataKey);
    expect(await openEnvelope(parsed, dataKey)).toEqual(plaintext);

    // Same key, same payload, but the header says something else: authentication fails.
    const otherHeader = { ...header, slots: [...header.slots, header.slots[0]!] };
    const swapped = parseEnvelope({ ...sealed, slots: otherHeader.slots }, VAULT_FORMAT);
    await expect(openEnvelope(swapped, dataKey)).rejects.toMatchObject({ code: 'vault/integrity' });
    await expect(openEnvelope(parsed, generateDataKey())).rejects.toMatchObject({ code: 'vault/integrity' });

    const nonces = new Set<string>();
    for (let i = 0; i < 10_000; i++) nonces.add((await sealEnvelope(header, dataKey, plaintext)).nonce);
    expect(nonces.size).toBe(10_000);
  });

  it('binds the slot to its format: a vault slot does not open as a backup', async () => {
    const dataKey = generateDataKey();
    const header = await createPassphraseHeader(VAULT_FORMAT, dataKey, 'correct horse battery', DEFAULT_KDF_PARAMS);
    const sealed = await sealEnvelope(header, dataKey, encodeUtf8('{}'));
    const relabelled = parseEnvelope({ ...sealed, format: BACKUP_FORMAT }, BACKUP_FORMAT);
    await expect(unwrapDataKey(relabelled, 'correct horse battery')).rejects.toMatchObject({ code: 'vault/wrong-passphrase' });
    const message = await unwrapDataKey(relabelled, 'correct horse battery').catch((e: { userMessage: string }) => e.userMessage);
    expect(message).toMatch(/backup file/);
    expect(message).not.toMatch(/correct horse/);
  });
});
