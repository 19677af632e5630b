import type { ViewportRect } from './crop';

/** Where an element is drawn and whether a person can see it. */
export interface ElementBox {
  rect: ViewportRect;
  visible: boolean;
}

/** Reads an element's box; replaceable so pure tests can run without a layout engine. */
export type MeasureElement = (element: Element) => ElementBox;

/** Measures with getBoundingClientRect and computed style: hidden, transparent or zero-sized elements are not visible. */
export function measureElementBox(element: Element): ElementBox {
  const r = element.getBoundingClientRect();
  const rect = { x: r.left, y: r.top, width: r.width, height: r.height };
  if (r.width <= 0 || r.height <= 0) return { rect, visible: false };
  const check = (element as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check === 'function') {
    return { rect, visible: check.call(element, { opacityProperty: true, visibilityProperty: true }) };
  }
  const view = element.ownerDocument.defaultView;
  const style = view?.getComputedStyle(element);
  const visible = !style || (style.visibility !== 'hidden' && style.display !== 'none' && style.opacity !== '0');
  return { rect, visible };
}
