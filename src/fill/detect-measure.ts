import type { Measurement } from './detect-types';
import { parentAcrossShadow } from './detect-collect';

/** Below this combined opacity a field is treated as a clickjacking overlay and refused. */
export const MIN_OPACITY = 0.3;

/** Reads the element's layout box; replaceable where there is no layout engine. */
export type ReadBox = (el: Element) => { width: number; height: number; left: number; top: number };

const readLayoutBox: ReadBox = (el) => {
  const rect = el.getBoundingClientRect();
  const view = el.ownerDocument.defaultView;
  // Viewport coordinates plus scroll give page coordinates: negative means pushed off the page.
  return {
    width: rect.width,
    height: rect.height,
    left: rect.left + (view?.scrollX ?? 0),
    top: rect.top + (view?.scrollY ?? 0),
  };
};

/**
 * Size and visibility as a user sees them: zero-size, `visibility` hidden, `display: none` on any ancestor,
 * pushed off the page, or a combined ancestor opacity under MIN_OPACITY (nearly transparent) all count as hidden.
 */
export function measureElement(el: Element, readBox: ReadBox = readLayoutBox): Measurement {
  const box = readBox(el);
  const size = { width: box.width, height: box.height };
  // In a browser an element under display:none has no box either; no need to read styles for it.
  if (box.width < 1 || box.height < 1) return { ...size, visible: false, hiddenBy: 'zero-size' };
  const view = el.ownerDocument.defaultView;
  if (!view) return { ...size, visible: false, hiddenBy: 'hidden' };
  const own = view.getComputedStyle(el);
  // `visibility` inherits, so the element's own computed value already reflects its ancestors.
  if (own.visibility === 'hidden' || own.visibility === 'collapse') return { ...size, visible: false, hiddenBy: 'hidden' };
  let opacity = 1;
  for (let node: Element | null = el; node; node = parentAcrossShadow(node)) {
    const style = node === el ? own : view.getComputedStyle(node);
    if (style.display === 'none') return { ...size, visible: false, hiddenBy: 'hidden' };
    const value = Number.parseFloat(style.opacity);
    if (Number.isFinite(value)) opacity *= value;
  }
  if (box.left + box.width <= 0 || box.top + box.height <= 0) return { ...size, visible: false, hiddenBy: 'offscreen' };
  if (opacity < MIN_OPACITY) return { ...size, visible: false, hiddenBy: 'transparent' };
  return { ...size, visible: true };
}
