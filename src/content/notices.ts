/** Where pages put what they say about a submitted code: alert regions and error-looking elements. */
const NOTICE_SELECTOR = '[role=alert],[aria-live],[class*=error],[class*=alert],[id*=error]';

/** The texts a page shows in its alert regions and error elements (hidden ones left out), for the background to judge. */
export function collectNotices(doc: Document = document): string[] {
  return [...doc.querySelectorAll<HTMLElement>(NOTICE_SELECTOR)]
    .filter((e) => e.checkVisibility?.() !== false)
    .map((e) => e.textContent?.trim().slice(0, 300) ?? '')
    .filter(Boolean)
    .slice(0, 8);
}
