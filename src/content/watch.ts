import { hasCandidateInputs } from '../fill/content-api';
import { looksLikeEnrolmentQrCue } from '../qr/cue';

/** Mutations closer together than this share one check. */
const BATCH_MS = 30;
/** The QR cue reads the page's text and measures its images: at most this often while the page keeps changing. */
const CUE_INTERVAL_MS = 500;

/** What to do when the page shows something worth a closer look. */
export interface WatchCallbacks {
  onFields: () => void;
  /** Top frame only: the page looks like it shows an enrolment QR code. */
  onEnrolmentCue?: () => void;
}

/**
 * Checks the page once, then after DOM changes (single-page apps render MFA steps late). The first change
 * after a quiet spell is checked at once, so a field that appears is filled without delay; further changes
 * within a short interval share one check (timers, unlike animation frames, also run in background tabs).
 * The field check is a cheap query; the costlier QR cue runs at most twice a second.
 */
export function watchForCandidates(
  doc: Document,
  callbacks: WatchCallbacks,
  { now = () => performance.now(), cue = looksLikeEnrolmentQrCue }: { now?: () => number; cue?: (doc: Document) => boolean } = {},
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastCheck = Number.NEGATIVE_INFINITY;
  let lastCue = Number.NEGATIVE_INFINITY;
  let cueTimer: ReturnType<typeof setTimeout> | undefined;
  const checkCue = () => {
    cueTimer = undefined;
    lastCue = now();
    if (cue(doc)) callbacks.onEnrolmentCue?.();
  };
  const check = () => {
    timer = undefined;
    lastCheck = now();
    if (callbacks.onEnrolmentCue) {
      const wait = CUE_INTERVAL_MS - (lastCheck - lastCue);
      if (wait <= 0) checkCue();
      // Changes during the pause still get their cue check, once, when the pause ends.
      else cueTimer ??= setTimeout(checkCue, wait);
    }
    if (hasCandidateInputs(doc)) callbacks.onFields();
  };
  const schedule = () => {
    if (timer !== undefined) return;
    const quietFor = now() - lastCheck;
    timer = setTimeout(check, quietFor >= BATCH_MS ? 0 : BATCH_MS - quietFor);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class', 'hidden', 'type'] });
  doc.addEventListener('load', schedule, true);
  check();
  return () => {
    observer.disconnect();
    clearTimeout(timer);
    clearTimeout(cueTimer);
  };
}
