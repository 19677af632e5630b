import { t } from '../ui/i18n';
import { describeUiError } from '../ui/describe-ui-error';
import type { ScanReport } from '../messages';
import { addButton, addText, createShadowPanel, findModalPicture } from '../page-ui/shadow-panel';

/** How the offer talks to the background. */
export interface OfferChannel {
  scan(): Promise<ScanReport>;
  accept(token: string): Promise<{ added: number }>;
  /** The account was saved: the page's confirmation field can get its first code (see the fill controller). */
  captured(): Promise<void>;
}

const MAX_SCANS_PER_PAGE = 3;
const RETRY_MS = 1000;

function describe(report: ScanReport): string {
  const names = report.accounts.map((a) => [a.issuer, a.accountName].filter(Boolean).join(' — ') || t('panel_add_unnamed'));
  // The names are listed rather than counted: no plural forms to carry in the always-on script.
  return names.length === 1 ? t('panel_add_single', names[0]!) : t('panel_add_several', names.join(', '));
}

/**
 * Offers to save the account of an enrolment QR code shown on this page. Appears only when the QR decodes
 * to an authenticator code; once dismissed or accepted it does not come back for this page address.
 * After saving, the page's confirmation-code field (if any) gets the new account's first code, through the fill
 * controller like every other fill.
 */
export function createEnrolmentOffer(channel: OfferChannel, doc: Document = document, options: { retryMs?: number } = {}) {
  const retryMs = options.retryMs ?? RETRY_MS;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const handledPages = new Set<string>();
  const attempts = new Map<string, number>();
  let running = false;
  // A cue seen while a scan runs (the QR image finished loading, the page re-rendered) gets one more scan afterwards.
  let cueWhileRunning = false;

  const maybeOffer = async (): Promise<void> => {
    if (running) {
      cueWhileRunning = true;
      return;
    }
    const page = doc.location.href.split('#')[0]!;
    // A QR image may still be loading when the cue appears: a few tries per page, then stop.
    const tries = attempts.get(page) ?? 0;
    if (handledPages.has(page) || tries >= MAX_SCANS_PER_PAGE) return;
    attempts.set(page, tries + 1);
    running = true;
    try {
      const report = await channel.scan();
      if (!report.token || report.accounts.length === 0) {
        // A code can appear without any DOM change (a CSS background still loading, a screenshot taken before the
        // paint): look again a little later, within the per-page limit.
        retryLater();
        return;
      }
      handledPages.add(page);
      if (report.accounts.every((a) => a.duplicate)) return;
      // A QR code shown in a modal dialog: the panel goes beside it, inside the dialog, where its buttons can be used.
      const panel = createShadowPanel(t('panel_add_title'), findModalPicture(doc), doc);
      addText(panel.body, t('app_name'), 'brand');
      addText(panel.body, describe(report));
      // Name the site: on a look-alike address the user can see that it is not the portal.
      const status = addText(panel.body, t('panel_add_bound', doc.location.origin), 'muted');
      const row = doc.createElement('div');
      row.className = 'row';
      panel.body.append(row);
      addButton(row, t('not_now'), () => panel.remove());
      addButton(
        row,
        t('uri_save'),
        () => {
          void channel
            .accept(report.token!)
            .then(async () => {
              panel.remove();
              await channel.captured();
            })
            .catch((error: Error) => {
              status.textContent = describeUiError(error);
            });
        },
        true,
      );
    } finally {
      running = false;
      if (cueWhileRunning) {
        cueWhileRunning = false;
        await maybeOffer();
      }
    }
  };
  const retryLater = () => {
    if (retryTimer !== undefined) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void maybeOffer().catch(() => undefined);
    }, retryMs);
  };
  return { maybeOffer };
}
