import type { VaultState as VaultStatus } from '../messages';
import { type AutoLockSetting, shouldAutoLock } from './auto-lock';
import { type Bytes, canonicalJson, decodeUtf8, encodeUtf8 } from './bytes';
import { createPassphraseHeader, generateDataKey, openEnvelope, sealEnvelope, unwrapDataKey } from './crypto';
import { type EnvelopeHeader, MAX_PASSKEY_SLOTS, type ParsedEnvelope, type PasskeySlot, parseEnvelope, VAULT_FORMAT } from './envelope';
import { PasskeyError } from '../errors';
import {
  createPasskeySlot,
  describePasskeySlot,
  openPasskeySlot,
  type PasskeyInfo,
  type PasskeyRegistration,
  sealToPasskeySlot,
  unknownPasskeyError,
} from './passkey-slot';
import { hasVaultCode, vaultError } from './errors';
import { hasGeneration, loadGeneration, saveGeneration } from './generations';
import { checkKdfParams, DEFAULT_KDF_PARAMS, DEFAULT_MIN_PASSPHRASE_LENGTH, type KdfParams, preparePassphrase } from './kdf';
import { parseVaultData } from './account-shape';
import * as model from './model';
import type { VaultAccount, VaultData } from './account-shape';
import type { AccountInput, AccountPatch } from './model';
import {
  clearSessionKey,
  hasSessionKey,
  readLastActivity,
  readSeenRevision,
  readSessionKey,
  recordActivity,
  writeSeenRevision,
  writeSessionKey,
} from './session-key';
import type { StorageAreaLike } from '../storage';
import { createWriteQueue } from './write-queue';
import { dismissVaultLoss, readVaultRecord, updateVaultRecord, type VaultEvent, type VaultLoss, type VaultRecord } from './vault-record';

/** Where the vault lives and how it is protected. */
export interface VaultServiceOptions {
  /** Holds the encrypted vault: `browser.storage.local`. */
  local: StorageAreaLike;
  /** Holds the data key while unlocked: `browser.storage.session`, restricted to trusted contexts. */
  session: StorageAreaLike;
  now?: () => number;
  /** Argon2id cost for new vaults and passphrase changes; may only be stronger than the default, never below the floor. */
  kdfParams?: KdfParams;
  /** Minimum length of a new passphrase, in characters. */
  minPassphraseLength?: number;
  /** The auto-lock setting in force, checked on every read of the vault's state or contents (not only by an alarm). */
  autoLock?: () => Promise<AutoLockSetting>;
}

/** Extra requirements for a new passphrase (e.g. from the organisation's policy); they only ever add strength. */
export interface PassphraseStrength {
  kdfParams?: KdfParams;
  minPassphraseLength?: number;
}

/** State of the vault as the UI shows it. */

/** What an import did: accounts added, and those skipped because the vault (or the batch) already had them. */
export interface ImportResult {
  added: VaultAccount[];
  skipped: AccountInput[];
}

interface Opened {
  header: EnvelopeHeader;
  key: Bytes;
  plaintext: Bytes;
  data: VaultData;
  /** Counts the saves (inside the encrypted payload, so it cannot be changed unseen): an older copy has a lower one. */
  revision: number;
}

/** The plaintext of a vault: its data and the revision it is saved as. */
function encodeContents(data: VaultData, revision: number): Bytes {
  return encodeUtf8(JSON.stringify({ ...data, revision }));
}

function vanishedError() {
  return vaultError(
    'vault/vanished',
    'The vault has disappeared from the browser’s storage while it was unlocked (something other than Portal Authenticator removed it). ' +
      'Nothing was written. Lock Portal Authenticator, then restore your accounts from a backup.',
    { key: 'error_vault_vanished' },
  );
}

/** A wrong passphrase or passkey, or a newer format, must not silently open an older generation instead. */
function mayFallBack(error: unknown): boolean {
  return !hasVaultCode(error, 'vault/wrong-passphrase') && !hasVaultCode(error, 'vault/newer-version') && !(error instanceof PasskeyError);
}

function passkeySlotsOf(header: EnvelopeHeader): PasskeySlot[] {
  return header.slots.filter((slot): slot is PasskeySlot => slot.type === 'passkey');
}

function maxKdf(a: KdfParams, b: KdfParams): KdfParams {
  return { m: Math.max(a.m, b.m), t: Math.max(a.t, b.t), p: Math.max(a.p, b.p) };
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

async function openWithKey(stored: unknown, key: Bytes | ((parsed: ParsedEnvelope) => Promise<Bytes>)): Promise<Opened> {
  const parsed = parseEnvelope(stored, VAULT_FORMAT);
  const dataKey = typeof key === 'function' ? await key(parsed) : key;
  const plaintext = await openEnvelope(parsed, dataKey);
  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8(plaintext));
  } catch {
    throw vaultError('vault/malformed-contents', 'The vault opened but its contents are not readable; restore from a backup.', { key: 'error_vault_contents_unreadable' });
  }
  const revision = (json as { revision?: unknown } | null)?.revision;
  return {
    header: parsed.header,
    key: dataKey,
    plaintext,
    data: parseVaultData(json),
    revision: typeof revision === 'number' && Number.isSafeInteger(revision) && revision >= 0 ? revision : 0,
  };
}

/** The only code that reads or writes the vault: encrypted at rest, writes serialised and crash-safe. */
export class VaultService {
  private readonly local: StorageAreaLike;
  private readonly session: StorageAreaLike;
  private readonly now: () => number;
  private readonly kdfParams: KdfParams;
  private readonly minPassphraseLength: number;
  private readonly autoLock: (() => Promise<AutoLockSetting>) | undefined;
  private readonly queue = createWriteQueue();
  private lastOpened: { envelope: string; opened: Opened } | undefined;
  private lockEpoch = 0;

  constructor(options: VaultServiceOptions) {
    this.local = options.local;
    this.session = options.session;
    this.now = options.now ?? Date.now;
    this.kdfParams = checkKdfParams(options.kdfParams ?? DEFAULT_KDF_PARAMS);
    this.minPassphraseLength = options.minPassphraseLength ?? DEFAULT_MIN_PASSPHRASE_LENGTH;
    this.autoLock = options.autoLock;
  }

  /** Whether a vault exists and whether its key is held in session storage. */
  async status(): Promise<VaultStatus> {
    // Both reads at once: one wait for the browser's storage instead of two.
    const [exists, keyHeld] = await Promise.all([hasGeneration(this.local), hasSessionKey(this.session)]);
    if (!exists && keyHeld) throw vanishedError();
    if (!exists) return 'uninitialised';
    if (keyHeld && (await this.lockIfDue())) return 'locked';
    return keyHeld ? 'unlocked' : 'locked';
  }

  /** Locks now when the vault has been idle past the auto-lock setting (checked on every read, not only by the alarm). */
  private async lockIfDue(): Promise<boolean> {
    return this.autoLock ? this.lockIfIdle(await this.autoLock()) : false;
  }

  /** Creates an empty vault protected by `passphrase` and leaves it unlocked; refuses if one exists. */
  create(passphrase: string, strength: PassphraseStrength = {}): Promise<void> {
    return this.queue.run(async () => {
      const prepared = preparePassphrase(passphrase, Math.max(this.minPassphraseLength, strength.minPassphraseLength ?? 0));
      if (await hasGeneration(this.local)) {
        throw vaultError('vault/already-exists', 'A vault already exists; unlock it, or change its passphrase in the options.', { key: 'error_vault_exists' });
      }
      // A vault that should be here and is not is noticed before the new one's record replaces the old.
      await this.noteRecord({ kind: 'seen', vault: undefined });
      const key = generateDataKey();
      const header = await createPassphraseHeader(VAULT_FORMAT, key, prepared, this.strongerKdf(strength));
      await this.save(header, key, model.EMPTY_VAULT_DATA, 1);
      await writeSessionKey(this.session, key, this.now());
      await writeSeenRevision(this.session, 1);
    });
  }

  /** Opens the vault with `passphrase` and keeps its data key in session storage; writes nothing to local storage. */
  unlock(passphrase: string): Promise<void> {
    return this.queue.run(async () => {
      const { key, revision, data } = await this.openWithPassphrase(preparePassphrase(passphrase, 1));
      await writeSessionKey(this.session, key, this.now());
      await writeSeenRevision(this.session, revision);
      // Compared with what the last save wrote: fewer accounts in a vault no newer than that is a loss to report.
      await this.noteRecord({ kind: 'seen', vault: { revision, accounts: data.accounts.length } });
    });
  }

  /**
   * Opens the vault with the PRF output a registered passkey gave for its slot's salt, and keeps the data key in
   * session storage; writes nothing to local storage. An unknown passkey or a wrong output raise a PasskeyError.
   */
  unlockWithPasskey(credentialId: string, prfOutput: Bytes): Promise<void> {
    return this.queue.run(async () => {
      const open = (stored: unknown) => openWithKey(stored, (parsed) => openPasskeySlot(parsed, credentialId, prfOutput));
      const { key, revision, data } = await loadGeneration(this.local, open, mayFallBack);
      await writeSessionKey(this.session, key, this.now());
      await writeSeenRevision(this.session, revision);
      // As at a passphrase unlock: fewer accounts than the last save left is a loss to report.
      await this.noteRecord({ kind: 'seen', vault: { revision, accounts: data.accounts.length } });
    });
  }

  /**
   * The passkeys registered, read from the stored header without decrypting anything, so the locked screen can
   * ask for them. The header is authenticated when the vault is opened; an altered one opens nothing.
   */
  async listPasskeys(): Promise<PasskeyInfo[]> {
    let header: EnvelopeHeader;
    try {
      header = await loadGeneration(this.local, async (stored) => parseEnvelope(stored, VAULT_FORMAT).header, mayFallBack);
    } catch (error) {
      if (hasVaultCode(error, 'vault/uninitialised')) return [];
      throw error;
    }
    return passkeySlotsOf(header).map(describePasskeySlot);
  }

  /** Adds a passkey slot wrapping the data key; needs the vault unlocked. Returns the new passkey. */
  addPasskey(registration: PasskeyRegistration): Promise<PasskeyInfo> {
    return this.changeHeader(async (header, key) => {
      const existing = passkeySlotsOf(header);
      if (existing.length >= MAX_PASSKEY_SLOTS) {
        throw new PasskeyError('passkey/too-many', `This vault already has ${MAX_PASSKEY_SLOTS} passkeys, the most it can hold. Remove one first.`, {
          key: 'error_passkey_limit',
          subs: [String(MAX_PASSKEY_SLOTS)],
        });
      }
      const slot = await createPasskeySlot(registration, key, header, this.now());
      if (existing.some((other) => other.credentialId === slot.credentialId)) {
        throw new PasskeyError('passkey/already-added', 'This passkey is already registered with this vault.', { key: 'error_passkey_already_added' });
      }
      return { header: { ...header, slots: [...header.slots, slot] }, result: describePasskeySlot(slot) };
    });
  }

  /** Removes the passkey slot of `credentialId` (base64); needs the vault unlocked. */
  removePasskey(credentialId: string): Promise<void> {
    return this.changeHeader(async (header) => {
      if (!passkeySlotsOf(header).some((slot) => slot.credentialId === credentialId)) throw unknownPasskeyError();
      const slots = header.slots.filter((slot) => slot.type !== 'passkey' || slot.credentialId !== credentialId);
      return { header: { ...header, slots }, result: undefined };
    });
  }

  /**
   * A loss of the vault or of accounts noticed since the last save by this extension (at an unlock, or now: no
   * vault stored where the last save left accounts), until dismissed or made good by an import.
   */
  async loss(): Promise<VaultLoss | undefined> {
    if (await hasGeneration(this.local)) return (await this.readRecord())?.loss;
    return this.queue.run(async () => {
      if (await hasGeneration(this.local)) return (await this.readRecord())?.loss;
      return (await this.noteRecord({ kind: 'seen', vault: undefined }))?.loss;
    });
  }

  /** Forgets a noticed loss: the person has read the notice. */
  dismissLoss(): Promise<void> {
    return this.queue.run(() => dismissVaultLoss(this.local));
  }

  /** Forgets the data key immediately (not queued, so a slow save cannot delay locking). */
  async lock(): Promise<void> {
    this.lockEpoch++;
    this.lastOpened = undefined;
    await clearSessionKey(this.session);
  }

  /**
   * Encrypts the vault under a new random data key wrapped by `next`: an old copy of the vault and the old
   * passphrase open nothing written afterwards. The new key is sealed to every passkey slot too (with the slot's
   * public key), so the passkeys keep unlocking. The save is the usual crash-safe one (old or new generation).
   */
  changePassphrase(current: string, next: string, strength: PassphraseStrength = {}): Promise<void> {
    return this.queue.run(async () => {
      const preparedNext = preparePassphrase(next, Math.max(this.minPassphraseLength, strength.minPassphraseLength ?? 0));
      const opened = await this.openWithPassphrase(preparePassphrase(current, 1));
      // Never weaker than the vault already is (it may have been written under a stricter policy).
      const kdfParams = checkKdfParams(maxKdf(opened.header.kdf.params, this.strongerKdf(strength)));
      const key = generateDataKey();
      const passphraseHeader = await createPassphraseHeader(VAULT_FORMAT, key, preparedNext, kdfParams);
      // The passkeys keep working: each slot's public key lets the new data key be sealed to it without the passkey.
      const passkeys = await Promise.all(passkeySlotsOf(opened.header).map((slot) => sealToPasskeySlot(slot, key, passphraseHeader)));
      const header = { ...passphraseHeader, slots: [...passphraseHeader.slots, ...passkeys] };
      const revision = Math.max(opened.revision, await readSeenRevision(this.session)) + 1;
      await this.save(header, key, opened.data, revision);
      // An unlocked vault stays unlocked, now with the new key; a locked one stays locked.
      if (await hasSessionKey(this.session)) {
        this.lastOpened = undefined;
        await writeSessionKey(this.session, key, this.now());
        await writeSeenRevision(this.session, revision);
      }
    });
  }

  /** The service's KDF cost, raised (never lowered) to what `strength` asks for. */
  private strongerKdf(strength: PassphraseStrength): KdfParams {
    const wanted = strength.kdfParams;
    if (!wanted) return this.kdfParams;
    return checkKdfParams(maxKdf(this.kdfParams, wanted));
  }

  /** All accounts in display order; throws `vault/locked` when locked. */
  async list(): Promise<VaultAccount[]> {
    return model.sortAccounts((await this.openUnlocked()).data.accounts);
  }

  /** Adds one account (OTP fields already validated by the caller) and returns it with its new id. */
  add(input: AccountInput): Promise<VaultAccount> {
    return this.mutate((data) => {
      const added = model.addAccount(data, input, this.now());
      return { data: added.data, result: added.account };
    });
  }

  /** Edits names, sites or the HOTP counter of one account. */
  update(id: string, patch: AccountPatch): Promise<VaultAccount> {
    return this.mutate((data) => {
      const next = model.updateAccount(data, id, patch, this.now());
      return { data: next, result: next.accounts.find((account) => account.id === id)! };
    });
  }

  /**
   * Moves an HOTP account's counter past `used` (RFC 4226: the server resynchronises forward only) in one queued
   * step, and returns the counter that was stored before; without `used`, takes the stored counter itself. Two
   * requests at once can never get the same counter.
   */
  advanceHotp(id: string, used?: number): Promise<number> {
    return this.mutate((data) => {
      const account = data.accounts.find((candidate) => candidate.id === id);
      if (!account || account.type !== 'hotp') {
        throw vaultError('vault/no-such-account', 'That counter-based (HOTP) account is no longer in the vault.', { key: 'error_vault_hotp_gone' });
      }
      const taken = used ?? account.counter;
      if (taken + 1 <= account.counter) return { data, result: account.counter };
      return { data: model.updateAccount(data, id, { counter: taken + 1 }, this.now()), result: account.counter };
    });
  }

  /** Removes one account and returns it (so the caller can offer undo). */
  remove(id: string): Promise<VaultAccount> {
    return this.mutate((data) => {
      const account = data.accounts.find((candidate) => candidate.id === id);
      return { data: model.removeAccount(data, id), result: account! };
    });
  }

  /** Sets the display order; `ids` must list every account once. */
  reorder(ids: string[]): Promise<VaultAccount[]> {
    return this.mutate((data) => {
      const next = model.reorderAccounts(data, ids);
      return { data: next, result: model.sortAccounts(next.accounts) };
    });
  }

  /** Replaces every account, e.g. when restoring a backup. */
  replaceAll(accounts: VaultAccount[]): Promise<VaultAccount[]> {
    return this.mutate((data) => {
      const next = model.replaceAll(data, accounts);
      return { data: next, result: model.sortAccounts(next.accounts) };
    });
  }

  /** Adds accounts not already present (same secret and issuer), in one save. */
  importAccounts(inputs: AccountInput[]): Promise<ImportResult> {
    return this.mutate((data) => {
      const result: ImportResult = { added: [], skipped: [] };
      let next = data;
      for (const input of inputs) {
        if (model.findDuplicate(next, input)) {
          result.skipped.push(input);
          continue;
        }
        const added = model.addAccount(next, input, this.now());
        next = added.data;
        result.added.push(added.account);
      }
      return { data: next, result };
    });
  }

  /** Records user activity, restarting the idle clock; does nothing while locked. */
  async touch(): Promise<void> {
    await recordActivity(this.session, this.now());
  }

  /** Locks if the auto-lock setting says the vault has been idle too long; returns whether it locked. */
  async lockIfIdle(setting: AutoLockSetting): Promise<boolean> {
    if (!(await hasSessionKey(this.session))) return false;
    if (!shouldAutoLock(setting, await readLastActivity(this.session), this.now())) return false;
    await this.lock();
    return true;
  }

  /** Checks the vault's passphrase (before a plain export) without changing anything; throws vault/wrong-passphrase. */
  async verifyPassphrase(passphrase: string): Promise<void> {
    await this.openWithPassphrase(preparePassphrase(passphrase, 1));
  }

  private openWithPassphrase(passphrase: string): Promise<Opened> {
    return loadGeneration(this.local, (stored) => openWithKey(stored, (parsed) => unwrapDataKey(parsed, passphrase)), mayFallBack);
  }

  private async openUnlocked(): Promise<Opened> {
    // A lock() while this read is under way must win: nothing opened before it may be kept or handed out.
    const epoch = this.lockEpoch;
    // The key and the vault are read side by side. No vault at all is reported first (there is nothing to unlock),
    // then a missing key.
    const keyRead = readSessionKey(this.session);
    // Handled below (awaited in every path), but possibly only after it has already failed.
    keyRead.catch(() => undefined);
    let opened: Opened;
    try {
      opened = await loadGeneration(this.local, async (stored) => this.openRemembered(stored, await keyRead, epoch), mayFallBack);
    } catch (error) {
      if (!hasVaultCode(error, 'vault/uninitialised')) await keyRead;
      // A key is held, so a vault was opened: it has gone since.
      else if (await hasSessionKey(this.session)) throw vanishedError();
      throw error;
    }
    if (epoch !== this.lockEpoch) throw vaultError('vault/locked', 'The vault is locked; unlock it with your passphrase first.', { key: 'error_locked' });
    // The browser's local storage can be written by content scripts: an older copy put back must not be taken.
    const seen = await readSeenRevision(this.session);
    if (opened.revision < seen) {
      throw vaultError(
        'vault/rolled-back',
        'The stored vault is an older copy than the one in use (something other than Portal Authenticator put it back). ' +
          'It was not used and nothing was written. Lock Portal Authenticator and unlock again to continue with the stored copy, or restore from a backup.',
        { key: 'error_vault_rolled_back' },
      );
    }
    if (await this.lockIfDue()) throw vaultError('vault/locked', 'The vault is locked; unlock it with your passphrase first.', { key: 'error_locked' });
    return opened;
  }

  /**
   * Opens a stored envelope, reusing the last result when the very same ciphertext is opened with the same key:
   * the popup asks for accounts and codes several times a second, and decrypting and checking 500 accounts each
   * time is most of its wait. Any change to the stored envelope reopens and re-verifies it; lock() forgets the
   * result with the key, and a read that overlaps a lock() keeps nothing.
   */
  private async openRemembered(stored: unknown, key: Bytes, epoch: number): Promise<Opened> {
    // The whole stored envelope (header, nonce, ciphertext) must be the one that was verified, byte for byte.
    const envelope = canonicalJson(stored);
    const last = this.lastOpened;
    if (last && last.envelope === envelope && bytesEqual(last.opened.key, key)) return last.opened;
    const opened = await openWithKey(stored, key);
    if (epoch === this.lockEpoch) this.lastOpened = { envelope, opened };
    return opened;
  }

  private mutate<T>(change: (data: VaultData) => { data: VaultData; result: T }): Promise<T> {
    return this.queue.run(async () => {
      const opened = await this.openUnlocked();
      const { data, result } = change(opened.data);
      if (data !== opened.data) {
        await this.save(opened.header, opened.key, data, opened.revision + 1);
        await writeSeenRevision(this.session, opened.revision + 1);
      }
      return result;
    });
  }

  /** Rewrites the header (e.g. its key slots) with the same data key and contents, as one queued, verified save. */
  private changeHeader<T>(change: (header: EnvelopeHeader, key: Bytes) => Promise<{ header: EnvelopeHeader; result: T }>): Promise<T> {
    return this.queue.run(async () => {
      const opened = await this.openUnlocked();
      const { header, result } = await change(opened.header, opened.key);
      await this.save(header, opened.key, opened.data, opened.revision + 1);
      await writeSeenRevision(this.session, opened.revision + 1);
      return result;
    });
  }

  private async save(header: EnvelopeHeader, key: Bytes, data: VaultData, revision: number): Promise<void> {
    const plaintext = encodeContents(data, revision);
    const envelope = await sealEnvelope(header, key, plaintext);
    await saveGeneration(this.local, envelope, async (stored) => {
      const reopened = await openEnvelope(parseEnvelope(stored, VAULT_FORMAT), key);
      if (!bytesEqual(reopened, plaintext)) {
        throw vaultError('vault/save-failed', 'The saved vault did not read back as written. The last saved vault is kept; try again.', {
          key: 'error_vault_read_back_differs',
        });
      }
    });
    await this.noteRecord({ kind: 'written', revision, accounts: data.accounts.length });
  }

  private async readRecord(): Promise<VaultRecord | undefined> {
    try {
      return await readVaultRecord(this.local);
    } catch {
      return undefined;
    }
  }

  /**
   * Updates the record kept beside the vault. It is a hint for noticing losses, never a reason to fail: the save
   * or unlock it follows has already succeeded, and a record that did not land only makes the next unlock see a
   * vault newer than the record, which it takes as it is.
   */
  private async noteRecord(event: VaultEvent): Promise<VaultRecord | undefined> {
    try {
      return await updateVaultRecord(this.local, event, this.now());
    } catch {
      return undefined;
    }
  }
}

/** Creates the vault service over the given storage areas. */
export function createVaultService(options: VaultServiceOptions): VaultService {
  return new VaultService(options);
}
