import { PANEL_CSS } from './panel-css';

/** A small extension-owned panel in a closed shadow root: the page can neither read nor restyle it. */
export interface ShadowPanel {
  /** The panel's content box, inside the closed shadow root. */
  body: HTMLElement;
  remove(): void;
}

/**
 * Creates a panel next to `anchor` (below it, or at the top right of the viewport without one).
 * Only trusted clicks count: a page script's synthetic click cannot accept or choose for the user.
 */
export function createShadowPanel(label: string, anchor?: Element, doc: Document = document): ShadowPanel {
  const host = doc.createElement('portal-authenticator-panel');
  host.style.cssText = 'all: initial; display: block; position: fixed; z-index: 2147483647;';
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = PANEL_CSS;
  const body = doc.createElement('div');
  body.className = 'panel';
  body.setAttribute('role', 'dialog');
  body.setAttribute('aria-label', label);
  root.append(style, body);
  place(host, anchor, doc);
  (doc.body ?? doc.documentElement).append(host);
  return { body, remove: () => host.remove() };
}

function place(host: HTMLElement, anchor: Element | undefined, doc: Document): void {
  const view = doc.defaultView;
  if (!anchor || !view) {
    host.style.top = '16px';
    host.style.right = '16px';
    return;
  }
  const rect = anchor.getBoundingClientRect();
  const top = rect.bottom + 6 + 120 > view.innerHeight ? Math.max(8, rect.top - 126) : rect.bottom + 6;
  host.style.top = `${Math.round(top)}px`;
  host.style.left = `${Math.round(Math.max(8, Math.min(rect.left, view.innerWidth - 340)))}px`;
}

/** Adds a button that reacts only to real user activation, never to a script's synthetic click. */
export function addButton(parent: HTMLElement, text: string, onClick: () => void, primary = false): HTMLButtonElement {
  const button = parent.ownerDocument.createElement('button');
  button.type = 'button';
  button.textContent = text;
  if (primary) button.className = 'primary';
  button.addEventListener('click', (event) => {
    if (event.isTrusted) onClick();
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
