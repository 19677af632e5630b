import { hasCandidateInputs } from '../fill/content-api';
import { looksLikeEnrolmentQrCue } from '../qr/cue';

const BATCH_MS = 30;

/** What to do when the page shows something worth a closer look. */
export interface WatchCallbacks {
  onFields: () => void;
  /** Top frame only: the page looks like it shows an enrolment QR code. */
  onEnrolmentCue?: () => void;
}

/**
 * Checks the page once, then after DOM changes (single-page apps render MFA steps late). Mutations are
 * batched to one check per short interval (timers, unlike animation frames, also run in background tabs), and each check is a cheap query, so a page that never shows a
 * candidate pays almost nothing.
 */
export function watchForCandidates(doc: Document, callbacks: WatchCallbacks): () => void {
  let scheduled = false;
  const check = () => {
    scheduled = false;
    if (callbacks.onEnrolmentCue && looksLikeEnrolmentQrCue(doc)) callbacks.onEnrolmentCue();
    if (hasCandidateInputs(doc)) callbacks.onFields();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(check, BATCH_MS);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class', 'hidden', 'type'] });
  doc.addEventListener('load', schedule, true);
  check();
  return () => observer.disconnect();
}
