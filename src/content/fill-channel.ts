import type { DecisionReport, FillAnswer } from '../messages';

/** How the fill controller talks to the background (the real `sendRequest`, or a fake in tests). */
export interface FillChannel {
  /** Asks for a code; `setup` when the field confirms a new authenticator (only an account just added fits). */
  request(trigger: Trigger, setup?: boolean): Promise<FillAnswer>;
  choose(id: string): Promise<FillAnswer>;
  /** Opens the extension's popup; false when the browser would not open it from a page's button (Firefox). */
  openPopup(): Promise<boolean>;
  /** Tells the background the filled code was submitted (it is now used at this site). */
  submitted(): Promise<void>;
  /** After a submission the page shows notices: the background says whether the portal refused the code, and what now. */
  refused?(emptied: boolean): Promise<FillAnswer>;
  /** Records what was decided about a field, for the diagnostics log (a no-op unless it is switched on). */
  report?(decision: DecisionReport): void;
}

/** What started a fill: the page itself (a field appeared) or the person (shortcut, context menu, a choice). */
export type Trigger = 'auto' | 'manual';
