import { hasCandidateInputs } from '../fill/content-api';
import { looksLikeEnrolmentQrCue } from '../qr/cue';

/** Mutations closer together than this share one check. */
const BATCH_MS = 30;
/** More nodes than this added, removed or changed at once make a heavy rewrite (a feed, a ticker, a long list). */
const HEAVY_CHANGE_NODES = 50;
/** While a page keeps rewriting itself heavily, each check waits twice as long as the one before, up to this. */
const MAX_BATCH_MS = 200;
/** Changes that can show a code field: elements added or removed, and the attributes that hide or reveal one. */
const OBSERVED: MutationObserverInit = { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class', 'hidden', 'type'] };
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
 * A page that keeps rewriting large parts of itself is checked less and less often, but at least every 200 ms;
 * small changes, such as a sign-in step replacing the last one, keep the short interval.
 * The field check is a cheap query; the costlier QR cue runs at most twice a second.
 *
 * The observer only needs to learn that something changed, and roughly how much: after its first report it
 * stops listening until the check runs (which looks at the whole page as it is then), so a page that rewrites
 * itself continuously makes the browser keep no mutation records meanwhile.
 */
export function watchForCandidates(
  doc: Document,
  callbacks: WatchCallbacks,
  { now = () => performance.now(), cue = looksLikeEnrolmentQrCue }: { now?: () => number; cue?: (doc: Document) => boolean } = {},
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastCheck = Number.NEGATIVE_INFINITY;
  let interval = BATCH_MS;
  let stopped = false;
  let lastCue = Number.NEGATIVE_INFINITY;
  let cueTimer: ReturnType<typeof setTimeout> | undefined;
  const checkCue = () => {
    cueTimer = undefined;
    lastCue = now();
    if (cue(doc)) callbacks.onEnrolmentCue?.();
  };
  const observer = new MutationObserver((records) => schedule(changedNodes(records) > HEAVY_CHANGE_NODES));
  const check = () => {
    timer = undefined;
    if (stopped) return;
    // Listening again before looking: a change made after this point is seen and gets its own check.
    observer.observe(doc.documentElement, OBSERVED);
    lastCheck = now();
    if (callbacks.onEnrolmentCue) {
      const wait = CUE_INTERVAL_MS - (lastCheck - lastCue);
      if (wait <= 0) checkCue();
      // Changes during the pause still get their cue check, once, when the pause ends.
      else cueTimer ??= setTimeout(checkCue, wait);
    }
    if (hasCandidateInputs(doc)) callbacks.onFields();
  };
  function schedule(heavy = false) {
    if (timer !== undefined || stopped) return;
    observer.disconnect();
    interval = heavy ? Math.min(interval * 2, MAX_BATCH_MS) : BATCH_MS;
    const quietFor = now() - lastCheck;
    timer = setTimeout(check, quietFor >= interval ? 0 : interval - quietFor);
  }
  const onLoad = () => schedule();
  doc.addEventListener('load', onLoad, true);
  check();
  return () => {
    stopped = true;
    observer.disconnect();
    doc.removeEventListener('load', onLoad, true);
    clearTimeout(timer);
    clearTimeout(cueTimer);
  };
}

function changedNodes(records: MutationRecord[]): number {
  let count = 0;
  for (const record of records) count += record.type === 'childList' ? record.addedNodes.length + record.removedNodes.length : 1;
  return count;
}
