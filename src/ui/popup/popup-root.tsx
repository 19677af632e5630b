import { hydrate } from 'preact';
import type { VaultOverview } from '../../messages';
import baseCss from '../base.css?inline';
import type { UiClient } from '../client';
import { ClientContext } from '../client-context';
import { drawingTime } from '../first-screen';
import { App } from './app';
import popupCss from './style.css?inline';

/** The popup's styles as text: written into the served page, or added by the popup's script when it was not. */
export const POPUP_CSS = baseCss + popupCss;

/** The id of the popup's style element, so the script does not add the styles a served page already has. */
export const POPUP_STYLE_ID = 'popup-style';

/** The popup's whole tree: the same in the page and when the background's worker draws its first screen. */
export function PopupRoot({ client, overview }: { client: UiClient; overview?: VaultOverview }) {
  return (
    <ClientContext.Provider value={client}>
      <App overview={overview} />
    </ClientContext.Provider>
  );
}

/**
 * Takes over a first screen the background drew into the page (hydration): the same elements, now working. The
 * first render happens at the time the screen was drawn, so it matches what it takes over; the clock then ticks
 * on from the real time.
 */
export function takeOverServedScreen(root: Element, client: UiClient, overview: VaultOverview): void {
  let takingOver = true;
  const drawnAt = drawingTime(overview, client.now());
  try {
    hydrate(<PopupRoot client={{ ...client, now: () => (takingOver ? drawnAt : client.now()) }} overview={overview} />, root);
  } finally {
    takingOver = false;
  }
}
