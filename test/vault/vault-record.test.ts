import { describe, expect, it } from 'vitest';
import { nextVaultRecord, parseVaultRecord, type VaultEvent, type VaultLoss, type VaultRecord } from '../../src/vault/vault-record';

const NOW = 1_700_000_000_000;
const seen = (revision: number, accounts: number): VaultEvent => ({ kind: 'seen', vault: { revision, accounts } });
const written = (revision: number, accounts: number): VaultEvent => ({ kind: 'written', revision, accounts });
const GONE: VaultEvent = { kind: 'seen', vault: undefined };
const FIVE: VaultRecord = { revision: 9, accounts: 5 };
const shrunk = (expected: number, found: number): VaultLoss => ({ kind: 'shrunk', expected, found, noticedAt: NOW });
const vanished = (expected: number): VaultLoss => ({ kind: 'vanished', expected, found: 0, noticedAt: NOW });

describe('nextVaultRecord', () => {
  it.each<[string, VaultRecord | undefined, VaultEvent, VaultRecord | undefined]>([
    ['a save is recorded as it is', FIVE, written(10, 6), { revision: 10, accounts: 6 }],
    ['a save with fewer accounts (the person deleted one) is no loss', FIVE, written(10, 4), { revision: 10, accounts: 4 }],
    ['the first save of an install', undefined, written(1, 0), { revision: 1, accounts: 0 }],
    ['the vault seen at unlock as it was saved', FIVE, seen(9, 5), FIVE],
    ['an older copy with fewer accounts has shrunk', FIVE, seen(7, 3), { revision: 7, accounts: 3, loss: shrunk(5, 3) }],
    ['another vault of the same revision with fewer accounts has shrunk', FIVE, seen(9, 2), { revision: 9, accounts: 2, loss: shrunk(5, 2) }],
    ['an empty vault put in place of one with accounts has shrunk', FIVE, seen(1, 0), { revision: 1, accounts: 0, loss: shrunk(5, 0) }],
    ['an older copy with as many accounts lost none', FIVE, seen(7, 5), { revision: 7, accounts: 5 }],
    ['an older copy with more accounts (deleted since) lost none', FIVE, seen(7, 8), { revision: 7, accounts: 8 }],
    ['a newer vault (its record did not land) is taken as it is', FIVE, seen(10, 4), { revision: 10, accounts: 4 }],
    ['a vault seen with no record yet (an update from before records) starts one', undefined, seen(4, 3), { revision: 4, accounts: 3 }],
    ['no vault where the last save left accounts has vanished', FIVE, GONE, { revision: 0, accounts: 0, loss: vanished(5) }],
    ['no vault where the last save left none is no loss', { revision: 3, accounts: 0 }, GONE, { revision: 3, accounts: 0 }],
    ['no vault and no record: a fresh install', undefined, GONE, undefined],
  ])('%s', (_name, record, event, expected) => {
    expect(nextVaultRecord(record, event, NOW)).toEqual(expected);
  });

  it('keeps a noticed loss through a new vault and saves, until as many accounts are back', () => {
    let record = nextVaultRecord(FIVE, GONE, NOW);
    record = nextVaultRecord(record, written(1, 0), NOW + 1);
    expect(record?.loss).toEqual(vanished(5));
    record = nextVaultRecord(record, written(2, 4), NOW + 2);
    expect(record?.loss).toEqual(vanished(5));
    record = nextVaultRecord(record, seen(2, 4), NOW + 3);
    expect(record?.loss).toEqual(vanished(5));
    expect(nextVaultRecord(record, written(3, 5), NOW + 4)).toEqual({ revision: 3, accounts: 5 });
  });

  it('a second loss counts from what the first one expected', () => {
    const first = nextVaultRecord(FIVE, seen(7, 3), NOW);
    expect(nextVaultRecord(first, seen(5, 1), NOW + 1)?.loss).toEqual({ kind: 'shrunk', expected: 5, found: 1, noticedAt: NOW + 1 });
    expect(nextVaultRecord(first, GONE, NOW + 1)?.loss).toEqual({ kind: 'vanished', expected: 5, found: 0, noticedAt: NOW + 1 });
  });
});

describe('parseVaultRecord: storage.local is writable by content scripts, so what is there is checked', () => {
  it('reads a valid record with and without a loss', () => {
    expect(parseVaultRecord({ revision: 3, accounts: 2 })).toEqual({ revision: 3, accounts: 2 });
    expect(parseVaultRecord({ revision: 3, accounts: 2, loss: shrunk(5, 2) })).toEqual({ revision: 3, accounts: 2, loss: shrunk(5, 2) });
  });

  it.each([undefined, null, 'a record', [], { revision: -1, accounts: 2 }, { revision: 1.5, accounts: 2 }, { revision: 1, accounts: '2' }, { revision: 1 }])(
    '%j is no record',
    (value) => {
      expect(parseVaultRecord(value)).toBeUndefined();
    },
  );

  it.each([
    { kind: 'stolen', expected: 5, found: 2, noticedAt: NOW },
    { kind: 'shrunk', expected: 2, found: 5, noticedAt: NOW },
    { kind: 'shrunk', expected: 5, found: 2 },
    'vanished',
  ])('drops a malformed loss %j and keeps the counts', (loss) => {
    expect(parseVaultRecord({ revision: 3, accounts: 2, loss })).toEqual({ revision: 3, accounts: 2 });
  });
});
