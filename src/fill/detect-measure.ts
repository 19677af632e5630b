import type { Measurement, MeasureFn } from './detect-types';
import { isOneTimeCodeAutocomplete } from './detect-text';
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
  const size = { width: box.width, height: box.height, left: box.left, top: box.top };
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

const FRAMES = 'iframe,frame,object,embed';
// How far up from the input the slot row's wrapper may sit (input-otp: the input's wrapper is the row's sibling).
const SLOT_LEVELS = 3;

type Placed = Measurement & { left: number; top: number };
const placed = (m: Measurement): m is Placed => m.left !== undefined && m.top !== undefined;
const overlapArea = (a: Placed, b: Placed): number =>
  Math.max(0, Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top));

/**
 * True for the one transparent input of a drawn-slot widget (input-otp, shadcn's InputOTP): it has
 * autocomplete=one-time-code, a maxlength of 4–8, a visible row of exactly that many drawn slots beside it that
 * it covers, and no frame under it. Such an input is the code field, not a clickjacking overlay.
 */
export function isDrawnSlotInput(input: HTMLInputElement, measure: MeasureFn): boolean {
  const slots = input.maxLength;
  if (!isOneTimeCodeAutocomplete(input.getAttribute('autocomplete') ?? '') || slots < 4 || slots > 8) return false;
  const own = measure(input);
  if (!placed(own) || own.width < 1) return false;
  const row = findSlotRow(input, slots, measure);
  if (!row) return false;
  const rowBox = measure(row);
  // The input is laid over the slots it describes: about their width, mostly on top of them.
  if (!placed(rowBox) || own.width < rowBox.width * 0.75 || own.width > rowBox.width * 1.5) return false;
  if (overlapArea(own, rowBox) < own.width * own.height * 0.5) return false;
  // A click meant for a frame underneath would land in the input instead.
  for (const frame of input.ownerDocument.querySelectorAll(FRAMES)) {
    const box = measure(frame);
    if (placed(box) && box.width > 0 && overlapArea(own, box) > 0) return false;
  }
  return true;
}

function findSlotRow(input: HTMLInputElement, slots: number, measure: MeasureFn): Element | undefined {
  let node: Element | null = input.parentElement;
  for (let level = 0; node && level < SLOT_LEVELS; level++, node = node.parentElement) {
    for (const candidate of node.querySelectorAll('*')) {
      if (candidate.contains(input) || candidate.childElementCount !== slots) continue;
      const children = [...candidate.children];
      if (children.some((c) => c.matches('input, select, textarea') || c.querySelector('input'))) continue;
      if (measure(candidate).visible && children.every((c) => measure(c).visible)) return candidate;
    }
  }
  return undefined;
}
