import { describe, expect, it } from 'vitest';
import { EnvAccountsError, fromEnv } from '../../packages/testing/src/from-env';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const URI = `otpauth://totp/Acme:alice@example.com?secret=${SECRET}&issuer=Acme`;

function errorOf(run: () => unknown): EnvAccountsError {
  try {
    run();
  } catch (error) {
    if (error instanceof EnvAccountsError) return error;
    throw error;
  }
  throw new Error('no error was raised');
}

describe('fromEnv', () => {
  it('reads each URI with its sites, in name order, ignoring other variables', () => {
    const env = { MFA_B: URI, MFA_B_SITES: 'https://b.example.com', MFA_A: URI, MFA_A_SITES: 'a.example.com, https://c.example.com', OTHER: 'x' };
    expect(fromEnv('MFA_', env)).toEqual([
      { name: 'MFA_A', uri: URI, sites: ['a.example.com', 'https://c.example.com'] },
      { name: 'MFA_B', uri: URI, sites: ['https://b.example.com'] },
    ]);
  });

  it('names the prefix when no variable has it', () => {
    const error = errorOf(() => fromEnv('MFA_', { PATH: '/bin' }));
    expect(error.userMessage).toContain('MFA_<NAME>');
  });

  it('names a variable that is not an otpauth URI without showing its value', () => {
    const error = errorOf(() => fromEnv('MFA_', { MFA_ALICE: SECRET, MFA_ALICE_SITES: 'https://a.example.com' }));
    expect(error.userMessage).toContain('MFA_ALICE');
    expect(error.userMessage).not.toContain(SECRET);
  });

  it('names a URI the parser refuses, without its secret', () => {
    const bad = 'otpauth://totp/Acme:alice?secret=NOT*BASE32&issuer=Acme';
    const error = errorOf(() => fromEnv('MFA_', { MFA_ALICE: bad, MFA_ALICE_SITES: 'https://a.example.com' }));
    expect(error.code).toBe('testing/env-malformed');
    expect(error.userMessage).toContain('MFA_ALICE');
    expect(error.userMessage).not.toContain('NOT*BASE32');
  });

  it('names the missing sites variable, a bad site, and sites without their URI', () => {
    expect(errorOf(() => fromEnv('MFA_', { MFA_ALICE: URI })).userMessage).toContain('MFA_ALICE_SITES');
    expect(errorOf(() => fromEnv('MFA_', { MFA_ALICE: URI, MFA_ALICE_SITES: 'ftp://files.example.com' })).userMessage).toContain('MFA_ALICE_SITES');
    expect(errorOf(() => fromEnv('MFA_', { MFA_ALICE: URI, MFA_ALICE_SITES: 'a.example.com', MFA_BOB_SITES: 'b.example.com' })).userMessage).toContain('MFA_BOB');
  });
});
