import type { ErrorText } from './errors';
import type { ExportFile, PlainExportFormat } from './import/plain-export';
import type { SkippedEntry } from './import/types';
import type { Translatable } from './translatable';
import type { OtpAlgorithm, OtpType } from './otp/types';
import type { VaultLoss } from './vault/vault-record';

export type { VaultLoss };

/**
 * The one protocol between content scripts / extension pages and the background.
 * Requests are a discriminated union on `type`; `Responses[T]` is what the background answers.
 * Every answer travels inside a `Reply` envelope so errors arrive typed, never as a thrown string.
 */

/** An account as extension pages see it: everything but the secret. */
export interface AccountView {
  id: string;
  type: OtpType;
  issuer: string;
  accountName: string;
  algorithm: OtpAlgorithm;
  digits: number;
  period: number;
  counter: number;
  sites: string[];
  matchRegistrableDomain: boolean;
  createdAt: number;
  updatedAt: number;
  order: number;
}

/** The current code of one account, computed in the background. */
export interface CodeView {
  id: string;
  code: string;
  /** TOTP only: the code of the next period (shown when the current one is about to expire). */
  nextCode?: string;
  /** TOTP only: seconds left in the current period. */
  secondsRemaining?: number;
  period?: number;
}

export type VaultState = 'uninitialised' | 'locked' | 'unlocked';

/** A portal's clock offset kept since it refused a code: seconds the portal is ahead of this computer. */
export interface ClockOffsetView {
  origin: string;
  offsetSeconds: number;
  measuredAt: number;
}

/** Everything the popup's first screen needs, in one answer: the state and, when unlocked, accounts and codes. */
export type VaultOverview =
  | {
      state: 'uninitialised' | 'locked';
      /** The vault went missing or lost accounts without this extension (see `vault.loss`). */
      loss?: VaultLoss;
    }
  | {
      state: 'unlocked';
      loss?: VaultLoss;
      accounts: AccountView[];
      /** Codes of the first `codesFor` accounts in list order (all when the request set no limit). */
      codes: CodeView[];
      /** Whether `codes` covers every account; if not, the page asks `accounts.codes` for the rest. */
      codesComplete: boolean;
      now: number;
      /** Portals whose codes follow their own clock (see `clock.offsets`). */
      clockOffsets?: ClockOffsetView[];
      /** The backup reminder line under the list. */
      backupReminder?: BackupReminderView;
    };

/** User settings; not secret, stored in plain `storage.local`. */
export interface Settings {
  /** Fill automatically on bound sites. */
  autoFill: boolean;
  /** Click the form's submit button after filling. */
  autoSubmit: boolean;
  /** Wait for a fresh code when fewer than this many seconds remain in the period. */
  freshnessSeconds: number;
  /** Minutes of inactivity before the vault locks; 0 = only when the browser closes. */
  autoLockMinutes: number;
  /** Remind of accounts that have no backup yet (the organisation may fix it, or make the reminder insist). */
  backupReminder: boolean;
}

/** The backup reminder as the pages show it. */
export interface BackupReminderView {
  /** Accounts added since the last backup; 0 when the reminder has nothing to say (off, put off for now, or all backed up). */
  count: number;
  /** The organisation's policy makes it stay until a backup is made: no "Not now", and shown in the options page too. */
  insist: boolean;
}

/** The settings in force and what the organisation's policy fixed, for the options page. */
export interface EffectiveSettings {
  settings: Settings;
  /** Settings the organisation fixed: shown as "Set by your organisation" and not changeable. */
  locked: Partial<Record<keyof Settings, 'policy'>>;
  /** Problems with the organisation's policy (invalid values are ignored, never fatal). */
  warnings: string[];
  /** Auto-lock delays the user may choose (minutes; 0 = only when the browser closes). */
  autoLockChoices: number[];
  /** Whether exports that show secrets in the clear (links, QR codes) are allowed. */
  plainExportAllowed: boolean;
}

/** A registered passkey as extension pages see it: its name and what the WebAuthn ceremony needs (binary as base64), never key material. */
export interface PasskeyView {
  credentialId: string;
  /** The PRF input for this passkey (`prf.evalByCredential`). */
  salt: string;
  label: string;
  createdAt: number;
  /** Whether the authenticator verified the person when the passkey was added. */
  userVerified: boolean;
}

/** The passkeys registered with the vault and what the organisation allows (see `passkeyPolicy`). */
export interface PasskeyStatus {
  passkeys: PasskeyView[];
  allowed: boolean;
  requireUserVerification: boolean;
  /** Whether the organisation set either rule ("Set by your organisation"). */
  managed: boolean;
}

/** Fields a person types to add an account by hand. */
export interface ManualEntry {
  issuer: string;
  accountName: string;
  secret: string;
  type?: OtpType;
  algorithm?: OtpAlgorithm;
  digits?: number;
  period?: number;
  counter?: number;
}

/** What an import would do, shown before anything is saved. */
export interface ImportPreview {
  accepted: Array<{
    issuer: string;
    accountName: string;
    type: OtpType;
    /** The sites a backup file binds the account to (as they would be saved); absent when the file carries none. */
    sites?: string[];
    /** Whether the file also binds it to every site of those sites' registrable domains. */
    matchRegistrableDomain?: boolean;
  }>;
  /** What is not imported and why, as messages the page translates. */
  skipped: SkippedEntry[];
  /** The format recognised from the file's contents (e.g. `aegis`, `bitwarden-csv`, `otpauth-lines`). */
  format?: string;
  /** Opaque token for `import.commit`; the parsed accounts wait in the background. */
  token: string;
}

/** What an import saved, checked by reading the vault back after the save. */
export interface ImportOutcome {
  added: number;
  skipped: number;
  /** How many accounts the preview promised. */
  promised: number;
  /** Whether every promised account was found in the vault read back after saving, with the same key and settings. */
  verified: boolean;
  /** Labels of promised accounts not found after saving (empty when verified). */
  missing: string[];
}

/** Outcome of a fill request from a content script. */
export type FillAnswer =
  | {
      status: 'fill';
      /** A code of the period under way: never one whose period has not started. */
      code: string;
      label: string;
      /** Click the form's submit button after filling (the user's setting). */
      submit: boolean;
      /** An HOTP code: only a person's own submission (or the extension's auto-submit) uses it up. */
      counterBased: boolean;
      /** Why this code follows a refused one (shown beside the field), e.g. the clock was corrected. */
      notice?: Translatable;
    }
  | {
      /** No code yet: ask again (the same request) once `waitMs` has passed; the code comes then. */
      status: 'wait';
      label: string;
      /** ms until the period whose code will be handed out starts; never more than one period. */
      waitMs: number;
      /** True when the wait is because this site already got the current code. */
      replayWait: boolean;
      /** Why a code follows a refused one; the countdown follows it ("… in 4 s."). */
      notice?: Translatable;
    }
  | {
      /** The portal refused the filled code and nothing explains it: nothing more is filled; `message` says what to do. */
      status: 'unexplained';
      message: Translatable;
    }
  // An option's label is empty for an account with no names: the page says "Unnamed account" in its language.
  | { status: 'choose'; options: Array<{ id: string; label: string }>; crossOrigin: boolean }
  | { status: 'locked' }
  | { status: 'none' }
  | { status: 'disabled' };

/** What the QR scan found on a page, without secrets. */
export interface ScanReport {
  accounts: Array<{ issuer: string; accountName: string; duplicate: boolean }>;
  /** Findings for a person, as messages the page translates: a non-authenticator QR, a missing batch part, nothing found. */
  notes: Translatable[];
  /** Token for `qr.accept`; the parsed accounts wait in the background. */
  token?: string;
}

/** Requests only extension pages (popup, options) may send. */
export type PageRequest =
  | { type: 'vault.status' }
  | { type: 'vault.overview'; codesFor?: number }
  | { type: 'vault.create'; passphrase: string }
  | { type: 'vault.unlock'; passphrase: string }
  | { type: 'vault.lock' }
  | { type: 'vault.changePassphrase'; current: string; next: string }
  | { type: 'passkey.status' }
  /** A passkey just created in the page's WebAuthn ceremony: its raw id, the salt and the PRF output for it (base64). */
  | { type: 'passkey.add'; credentialId: string; salt: string; prfOutput: string; label: string; userVerified: boolean }
  | { type: 'passkey.remove'; credentialId: string }
  /** The PRF output a registered passkey gave for its salt (base64), and whether the authenticator verified the person. */
  | { type: 'passkey.unlock'; credentialId: string; prfOutput: string; userVerified: boolean }
  | { type: 'vault.loss' }
  | { type: 'vault.dismissLoss' }
  | { type: 'accounts.list' }
  | { type: 'accounts.codes'; now?: number }
  | { type: 'accounts.addUri'; uri: string; sites: string[] }
  | { type: 'accounts.addManual'; entry: ManualEntry; sites: string[] }
  | { type: 'accounts.previewManual'; entry: ManualEntry; now?: number }
  | { type: 'accounts.update'; id: string; patch: { issuer?: string; accountName?: string; sites?: string[]; matchRegistrableDomain?: boolean } }
  | { type: 'accounts.remove'; id: string }
  | { type: 'accounts.undoRemove'; undoToken: string }
  | { type: 'accounts.reorder'; ids: string[] }
  | { type: 'accounts.nextHotp'; id: string }
  | {
      type: 'import.preview';
      /** Pasted links (or a pasted export file's text). */
      text?: string;
      /** A chosen file's bytes, base64: some formats are binary. Its format is recognised from these bytes. */
      file?: string;
      /** The password an encrypted file or backup was exported with. */
      backupPassphrase?: string;
    }
  | { type: 'import.commit'; token: string; sites: string[] }
  | { type: 'export.backup'; passphrase: string }
  /** otpauth links, and Google Authenticator transfer links (every account, or those in `ids`): secrets in the clear, so asked for with the vault's passphrase like `export.plain`. */
  | { type: 'export.uris'; ids?: string[]; passphrase: string }
  | { type: 'export.migration'; ids?: string[]; passphrase: string }
  /** Every account with its secret in the clear, as a file: asked for with the vault's passphrase, where the policy allows it. */
  | { type: 'export.plain'; format: PlainExportFormat; passphrase: string }
  | { type: 'backup.reminder' }
  | { type: 'backup.dismissReminder' }
  | { type: 'settings.get' }
  | { type: 'settings.set'; settings: Partial<Settings> }
  | { type: 'qr.scanTab'; tabId?: number }
  | { type: 'qr.decodeImage'; dataUrl: string }
  | { type: 'qr.acceptScan'; token: string; sites: string[] }
  | { type: 'clock.check'; origin: string }
  | { type: 'sites.registrableDomain'; site: string }
  | { type: 'clock.offsets' }
  | { type: 'debug.decisions' }
  | { type: 'debug.setRecording'; on: boolean };

/** Requests a content script may send; the background identifies the frame from `sender`, never from the message. */
export type ContentRequest =
  | {
      type: 'fill.request';
      trigger: 'auto' | 'manual';
      /** User names the page shows (see collectIdentityHints); only used to pick among accounts bound to this site. */
      hints?: string[];
      /**
       * The field confirms a new authenticator being set up on this page: only an account just added from this
       * site may be filled, never one saved before (its secret is the old one).
       */
      setup?: boolean;
      /**
       * Texts the page shows near the field or in its alert regions; if this frame just submitted a code, they tell
       * whether the portal refused it (the background judges them, see refusal-text.ts).
       */
      seen?: string[];
    }
  | { type: 'fill.choose'; id: string }
  /**
   * After a submission the page (without loading a new one) shows these texts, or the filled field is empty again
   * (`emptied`): did the portal refuse the code?
   */
  | { type: 'fill.refused'; seen: string[]; emptied?: boolean }
  | { type: 'fill.submitted' }
  | { type: 'fill.decided'; decision: DecisionReport }
  | { type: 'qr.offer' }
  | { type: 'qr.accept'; token: string }
  | { type: 'ui.openPopup' };

export type Request = PageRequest | ContentRequest;

/** What the background answers for each request type. */
export interface Responses {
  'vault.status': { state: VaultState };
  'vault.overview': VaultOverview;
  'vault.create': { state: VaultState };
  'vault.unlock': { state: VaultState };
  'vault.lock': { state: VaultState };
  'vault.changePassphrase': { ok: true };
  'passkey.status': PasskeyStatus;
  'passkey.add': { passkey: PasskeyView };
  'passkey.remove': { ok: true };
  'passkey.unlock': { state: VaultState };
  /** A vault that disappeared or lost accounts since this extension last saved it (noticed at unlock, or finding none), until dismissed or made good. */
  'vault.loss': { loss?: VaultLoss };
  'vault.dismissLoss': { ok: true };
  'accounts.list': { accounts: AccountView[] };
  'accounts.codes': { codes: CodeView[]; now: number };
  'accounts.addUri': { account: AccountView; warning?: Translatable };
  'accounts.addManual': { account: AccountView; warning?: Translatable };
  'accounts.previewManual': { code: string; warning?: Translatable };
  'accounts.update': { account: AccountView };
  'accounts.remove': { undoToken: string };
  'accounts.undoRemove': { account: AccountView };
  'accounts.reorder': { ok: true };
  'accounts.nextHotp': { code: CodeView };
  'import.preview': ImportPreview;
  'import.commit': ImportOutcome;
  'export.backup': { text: string; filename: string };
  'export.uris': { uris: string[] };
  'export.migration': { uris: string[]; refused: SkippedEntry[] };
  'export.plain': ExportFile;
  /** Accounts added since the last backup (0 when there are none, the reminder is off or was put off a while ago). */
  'backup.reminder': BackupReminderView;
  'backup.dismissReminder': { ok: true };
  'settings.get': EffectiveSettings;
  'settings.set': EffectiveSettings;
  'qr.scanTab': ScanReport;
  'qr.decodeImage': { text: string };
  'qr.acceptScan': { added: AccountView[] };
  'clock.check': { offsetSeconds: number; serverDate: string; verdict: 'ok' | 'warn' | 'bad' };
  'sites.registrableDomain': { domain?: string };
  /** Offsets (seconds the portal is ahead) applied to the codes of portals that refused a code. */
  'clock.offsets': { offsets: ClockOffsetView[] };
  'debug.decisions': { recording: boolean; decisions: DecisionRecord[] };
  'debug.setRecording': { recording: boolean };
  'fill.request': FillAnswer;
  'fill.choose': FillAnswer;
  'fill.refused': FillAnswer;
  'fill.submitted': { ok: true };
  'fill.decided': { ok: true };
  'qr.offer': ScanReport;
  'qr.accept': { added: number };
  'ui.openPopup': { opened: boolean };
}

export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** The envelope every answer travels in. */
export type Reply<T extends RequestType> =
  | { ok: true; value: Responses[T] }
  | { ok: false; error: { code: string; message: string; text: ErrorText } };

/** Types a content script is allowed to send; everything else must come from an extension page. */
export const CONTENT_REQUEST_TYPES: ReadonlySet<string> = new Set<ContentRequest['type']>([
  'fill.request',
  'fill.choose',
  'fill.refused',
  'fill.submitted',
  'fill.decided',
  'qr.offer',
  'qr.accept',
  'ui.openPopup',
]);

/** Settings a fresh install starts with. */
export const DEFAULT_SETTINGS: Settings = {
  autoFill: true,
  autoSubmit: false,
  freshnessSeconds: 5,
  autoLockMinutes: 15,
  backupReminder: true,
};

/**
 * Messages the background sends to a tab's content scripts: fill the focused field (the context menu or the
 * keyboard shortcut), the vault was just unlocked (a field waiting under the unlock hint can be filled now), or
 * an account was just added from this page (its set-up step's confirmation field can get the first code).
 */
export type BackgroundToContent = { type: 'content.fillFocused' } | { type: 'content.unlocked' } | { type: 'content.captured' };

/** What the content script decided about a code field it looked at (see DecisionReport). */
export type DecisionOutcome = 'refused' | 'filled' | 'waiting' | 'choose' | 'locked' | 'no-account' | 'disabled' | 'failed';

/**
 * Why a frame did or did not fill a code, for the diagnostics log (off unless recording is switched on): the
 * outcome, a short machine-readable reason (a detection refusal such as `enrolment-page`, or the background's
 * answer) and a detail: one code word (what hid the field, an error's code) or what the person was told. The
 * options page says the reason in words. Never a code or a secret.
 */
export interface DecisionReport {
  outcome: DecisionOutcome;
  reason: string;
  detail: string;
  /** The field it is about, as `input#id[name=…]`. */
  field?: string;
}

/** A decision as the diagnostics log keeps it, with the frame the browser says it came from. */
export interface DecisionRecord extends DecisionReport {
  url: string;
  tabId: number;
  frameId: number;
  at: number;
}

