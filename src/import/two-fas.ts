import { ImportError } from '../errors';
import { accountFromFields, asRecord, checkEntryCount, DAMAGED_REASON, entryLabel, entryNumber, ImportCollector, looseText, textField } from './collector';
import { base64Bytes, derivePbkdf2, openAesGcm, passwordBytes, wrongPassword } from './file-crypto';
import type { ImportKdfCaps } from './limits';
import type { ParsedImport } from './types';

// 2FAS backup (.2fas): JSON with schemaVersion and `services` [{ name, secret, otp: { account, issuer, digits,
// period, algorithm, tokenType, counter } }]. Encrypted: `servicesEncrypted` is "base64(ciphertext‖tag):base64(salt):
// base64(iv)", the key PBKDF2-HMAC-SHA256 of the password with 10,000 iterations, AES-256-GCM, the plaintext the
// services array as JSON.

/** PBKDF2 iterations 2FAS uses for its backups. */
export const TWO_FAS_ITERATIONS = 10_000;

/** Whether parsed JSON is a 2FAS backup, and whether it is encrypted. */
export function recogniseTwoFas(json: Record<string, unknown>): 'two-fas' | 'two-fas-encrypted' | undefined {
  if (typeof json.servicesEncrypted === 'string' && json.servicesEncrypted !== '') return 'two-fas-encrypted';
  if (Array.isArray(json.services) && 'schemaVersion' in json) return 'two-fas';
  return undefined;
}

function readServices(services: unknown[], format: 'two-fas' | 'two-fas-encrypted'): ParsedImport {
  checkEntryCount(services.length);
  const out = new ImportCollector(format);
  services.forEach((raw, index) => {
    const service = asRecord(raw);
    const otp = asRecord(service?.otp) ?? {};
    if (!service) return out.skip(entryNumber(index), DAMAGED_REASON);
    out.add(entryLabel(looseText(otp.issuer) || looseText(service.name), looseText(otp.account), index), () =>
      accountFromFields({
        type: textField(otp, 'tokenType'),
        issuer: textField(otp, 'issuer') || textField(service, 'name'),
        accountName: textField(otp, 'account'),
        secret: textField(service, 'secret'),
        algorithm: textField(otp, 'algorithm'),
        numbers: otp,
      }),
    );
  });
  return out.result();
}

/** Reads a plain 2FAS backup. */
export function parseTwoFasPlain(json: Record<string, unknown>): ParsedImport {
  return readServices(json.services as unknown[], 'two-fas');
}

/** Decrypts and reads an encrypted 2FAS backup. */
export async function parseTwoFasEncrypted(json: Record<string, unknown>, password: string | undefined, caps: ImportKdfCaps): Promise<ParsedImport> {
  const parts = String(json.servicesEncrypted).split(':');
  if (parts.length !== 3) {
    throw new ImportError('import/damaged', 'This 2FAS backup’s encrypted part does not have its three pieces (data, salt, nonce); the file is damaged.', {
      key: 'error_import_two_fas_pieces',
    });
  }
  const [data, salt, iv] = parts.map((p, i) => base64Bytes(p, ['data', 'salt', 'nonce'][i]!));
  const key = await derivePbkdf2(passwordBytes(password, '2FAS'), salt!, TWO_FAS_ITERATIONS, 'SHA-256', caps);
  const plain = await openAesGcm(key, iv!, data!, () => wrongPassword('2FAS'));
  let services: unknown;
  try {
    services = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch {
    services = undefined;
  }
  if (!Array.isArray(services)) {
    throw new ImportError('import/damaged', 'This 2FAS backup opened, but its contents are not a list of services; the file is damaged.', {
      key: 'error_import_two_fas_not_list',
    });
  }
  return readServices(services, 'two-fas-encrypted');
}
