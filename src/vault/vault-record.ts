import { type StorageAreaLike, VAULT_RECORD_KEY } from '../storage';

// A vault can go missing or lose accounts without this extension doing it: another extension or a storage reset
// clears it, a profile restore or sync puts back an older copy. The vault cannot tell (an older copy is a valid
// vault), so each save also leaves a small record beside it: the revision written and how many accounts it held.
// The next unlock, or a first-run screen where a vault should be, compares. The record is not secret: the number
// of accounts is about what the encrypted vault's own length already shows (see docs/architecture.md).

/** A vault that went missing or lost accounts, not through this extension. */
export interface VaultLoss {
  /** `vanished`: no vault is stored any more; `shrunk`: the vault holds fewer accounts than the last save wrote. */
  kind: 'vanished' | 'shrunk';
  /** Accounts the last save by this extension wrote. */
  expected: number;
  /** Accounts found (0 when the vault is gone). */
  found: number;
  noticedAt: number;
}

/** What the last save by this extension wrote, and a loss noticed since (kept until dismissed or made good). */
export interface VaultRecord {
  revision: number;
  accounts: number;
  loss?: VaultLoss;
}

/** What happened to the vault: this extension wrote it, or looked at what is stored (at unlock, or finding none). */
export type VaultEvent =
  | { kind: 'written'; revision: number; accounts: number }
  | { kind: 'seen'; vault: { revision: number; accounts: number } | undefined };

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Reads a stored record; anything malformed (storage.local is writable by content scripts too) counts as none. */
export function parseVaultRecord(value: unknown): VaultRecord | undefined {
  const record = value as Partial<VaultRecord> | null | undefined;
  if (typeof record !== 'object' || record === null || !isCount(record.revision) || !isCount(record.accounts)) return undefined;
  const loss = record.loss as Partial<VaultLoss> | undefined;
  const validLoss =
    loss && (loss.kind === 'vanished' || loss.kind === 'shrunk') && isCount(loss.expected) && isCount(loss.found) && isCount(loss.noticedAt) && loss.found < loss.expected
      ? { kind: loss.kind, expected: loss.expected, found: loss.found, noticedAt: loss.noticedAt }
      : undefined;
  return { revision: record.revision, accounts: record.accounts, ...(validLoss ? { loss: validLoss } : {}) };
}

/** A loss noticed before stays until the vault holds as many accounts again (a backup imported) or it is dismissed. */
function keptLoss(loss: VaultLoss | undefined, accounts: number): VaultLoss | undefined {
  return loss && accounts < loss.expected ? loss : undefined;
}

function withLoss(revision: number, accounts: number, loss: VaultLoss | undefined): VaultRecord {
  return loss ? { revision, accounts, loss } : { revision, accounts };
}

/**
 * The record after `event`, at time `now`. A save by this extension is never a loss (a person's own delete goes
 * through it). Seen at unlock, a vault no newer than the last save (its revision, inside the encryption, not
 * higher) with fewer accounts has shrunk; a newer one was written by this extension after a record that failed to
 * land, and is taken as it is. No vault where the last save left accounts has vanished.
 */
export function nextVaultRecord(record: VaultRecord | undefined, event: VaultEvent, now: number): VaultRecord | undefined {
  if (event.kind === 'written') return withLoss(event.revision, event.accounts, keptLoss(record?.loss, event.accounts));
  const expected = Math.max(record?.accounts ?? 0, record?.loss?.expected ?? 0);
  const seen = event.vault;
  if (!seen) {
    if (!record || record.accounts === 0) return record;
    return withLoss(0, 0, { kind: 'vanished', expected, found: 0, noticedAt: now });
  }
  const shrunk = record !== undefined && seen.revision <= record.revision && seen.accounts < record.accounts;
  const loss = shrunk ? { kind: 'shrunk' as const, expected, found: seen.accounts, noticedAt: now } : keptLoss(record?.loss, seen.accounts);
  return withLoss(seen.revision, seen.accounts, loss);
}

/** Reads the record from `area`. */
export async function readVaultRecord(area: StorageAreaLike): Promise<VaultRecord | undefined> {
  return parseVaultRecord((await area.get(VAULT_RECORD_KEY))[VAULT_RECORD_KEY]);
}

/** Applies `event` to the stored record and returns the record now in force; writes only when it changed. */
export async function updateVaultRecord(area: StorageAreaLike, event: VaultEvent, now: number): Promise<VaultRecord | undefined> {
  const before = await readVaultRecord(area);
  const after = nextVaultRecord(before, event, now);
  if (after && JSON.stringify(after) !== JSON.stringify(before)) await area.set({ [VAULT_RECORD_KEY]: after });
  return after;
}

/** Forgets a noticed loss (the person has read it), keeping the counts. */
export async function dismissVaultLoss(area: StorageAreaLike): Promise<void> {
  const record = await readVaultRecord(area);
  if (record?.loss) await area.set({ [VAULT_RECORD_KEY]: withLoss(record.revision, record.accounts, undefined) });
}
