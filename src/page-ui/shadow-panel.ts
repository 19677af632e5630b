import { PANEL_CSS } from './panel-css';
import { choosePanelPosition } from './panel-position';
import { textDirection } from '../ui/i18n';
import { PANEL_ARMING_MS, PANEL_TAG } from './panel-constants';

export { PANEL_ARMING_MS, PANEL_TAG };


/** A small extension-owned panel in a closed shadow root: the page can neither read nor restyle it. */
export interface ShadowPanel {
  /** The panel's content box, inside the closed shadow root. */
  body: HTMLElement;
  remove(): void;
  /** What Escape does inside the panel (the owner's own close, e.g. cancelling a wait); `remove` when unset. */
  onEscape?: () => void;
}

/**
 * Creates a panel next to `anchor` (see choosePanelPosition: beside, below or above it without covering other
 * controls, else the window's top right corner; in that corner too when there is no anchor).
 * Only trusted clicks count: a page script's synthetic click cannot accept or choose for the user.
 */
export function createShadowPanel(label: string, anchor?: Element, doc: Document = document, prefer: PanelSide = 'below'): ShadowPanel {
  const host = doc.createElement(PANEL_TAG);
  // Inline and !important, so no page rule can hide the panel while leaving its buttons clickable.
  for (const [name, value] of HOST_STYLE) host.style.setProperty(name, value, 'important');
  // A person's own text-spacing stylesheet may still space the text (WCAG 1.4.12); the panel's CSS sets it otherwise.
  for (const name of ['letter-spacing', 'word-spacing', 'line-height']) host.style.removeProperty(name);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = PANEL_CSS;
  const body = doc.createElement('div');
  // A note beside a field is kept narrow so it fits next to the field more often.
  body.className = prefer === 'beside' ? 'panel compact' : 'panel';
  body.dir = textDirection();
  body.setAttribute('role', 'dialog');
  body.setAttribute('aria-label', label);
  // Never focused on its own (the page's field keeps the focus): what it says is announced politely instead.
  body.setAttribute('aria-live', 'polite');
  root.append(style, body);
  attachHost(host, anchor, doc);
  const view = doc.defaultView;
  const placeNow = () => place(host, anchor, doc, prefer);
  placeNow();
  // The content is added after creation and may change (a longer message), and the page may scroll under a
  // fixed panel: place it again whenever its size changes (at once: the observer reports before the frame is
  // painted) or the page moves (at most once a frame, however many scrolling boxes report).
  let frame = 0;
  const replace = () => {
    if (!frame && view) frame = view.requestAnimationFrame(() => ((frame = 0), placeNow()));
  };
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(placeNow) : undefined;
  observer?.observe(body);
  view?.addEventListener('scroll', replace, { capture: true, passive: true });
  view?.addEventListener('resize', replace, { passive: true });
  // Escape closes the panel and gives the focus back to where it was before Tab brought it into the panel.
  let returnTo: HTMLElement | undefined;
  root.addEventListener('focusin', (event) => (returnTo ??= (event as FocusEvent).relatedTarget as HTMLElement | undefined));
  root.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key !== 'Escape') return;
    (panel.onEscape ?? panel.remove)();
    returnTo?.focus();
  });
  const panel: ShadowPanel = {
    body,
    remove: () => {
      if (frame) view?.cancelAnimationFrame(frame);
      observer?.disconnect();
      view?.removeEventListener('scroll', replace, { capture: true });
      view?.removeEventListener('resize', replace);
      host.remove();
    },
  };
  return panel;
}

/** A modal dialog the page has open (its focus trap cancels clicks and focus anywhere else). */
const MODAL = 'dialog[open],[aria-modal="true"]';

/**
 * Inside a modal dialog the panel goes right after its anchor, so the dialog's focus trap counts its buttons as
 * inside (clicks work) and Tab reaches them from the field; elsewhere it goes at the end of the body.
 */
function attachHost(host: HTMLElement, anchor: Element | undefined, doc: Document): void {
  if (anchor?.closest(MODAL)) anchor.after(host);
  else (doc.body ?? doc.documentElement).append(host);
}

/** The largest picture (a QR code's img, canvas or svg) in the modal dialog open on top, if any. */
export function findModalPicture(doc: Document = document): Element | undefined {
  const modal = [...doc.querySelectorAll(MODAL)].at(-1);
  let best: Element | undefined;
  let bestArea = 0;
  for (const picture of modal?.querySelectorAll('img,canvas,svg') ?? []) {
    const { width, height } = picture.getBoundingClientRect();
    if (width * height > bestArea) [best, bestArea] = [picture, width * height];
  }
  return best;
}

/** Where a panel is tried first: under its field, or beside it (a compact note). */
export type PanelSide = 'below' | 'beside';

const HOST_STYLE: Array<[string, string]> = [
  ['all', 'initial'],
  ['display', 'block'],
  ['position', 'fixed'],
  ['z-index', '2147483647'],
  ['opacity', '1'],
  ['visibility', 'visible'],
  ['pointer-events', 'auto'],
  ['transform', 'none'],
  ['filter', 'none'],
];


/** Controls a panel should not cover: the person may still need them (a password field, the form's button). Hidden ones have no box and drop out. */
const CONTROLS = 'input,select,textarea,button';

function place(host: HTMLElement, anchor: Element | undefined, doc: Document, prefer: PanelSide): void {
  const view = doc.defaultView;
  if (!anchor || !view) {
    host.style.setProperty('top', '16px', 'important');
    host.style.setProperty('right', '16px', 'important');
    return;
  }
  const obstacles = [...doc.querySelectorAll(CONTROLS)]
    .filter((control) => !anchor.contains(control))
    .map((control) => control.getBoundingClientRect())
    .filter((box) => box.width > 0 && box.height > 0);
  const { top, left } = choosePanelPosition(
    anchor.getBoundingClientRect(),
    host.getBoundingClientRect(),
    { width: view.innerWidth, height: view.innerHeight },
    obstacles,
    prefer === 'beside',
  );
  host.style.setProperty('top', `${top}px`, 'important');
  host.style.setProperty('left', `${left}px`, 'important');
  // Inside a transformed dialog, "fixed" is relative to the dialog, not the window: move by the difference.
  const actual = host.getBoundingClientRect();
  if (Math.round(actual.top) !== top || Math.round(actual.left) !== left) {
    host.style.setProperty('top', `${2 * top - actual.top}px`, 'important');
    host.style.setProperty('left', `${2 * left - actual.left}px`, 'important');
  }
}

/** Adds a button that reacts only to real user activation, never to a script's synthetic click. */
export function addButton(parent: HTMLElement, text: string, onClick: () => void, primary = false): HTMLButtonElement {
  const button = parent.ownerDocument.createElement('button');
  button.type = 'button';
  button.textContent = text;
  if (primary) button.className = 'primary';
  const armedAt = performance.now() + PANEL_ARMING_MS;
  button.addEventListener('click', (event) => {
    if (event.isTrusted && performance.now() >= armedAt) onClick();
  });
  parent.append(button);
  return button;
}

/** Adds a paragraph of text (never HTML: names come from QR codes and pages). */
export function addText(parent: HTMLElement, text: string, className = 'text'): HTMLElement {
  const element = parent.ownerDocument.createElement('p');
  element.className = className;
  element.textContent = text;
  parent.append(element);
  return element;
}
