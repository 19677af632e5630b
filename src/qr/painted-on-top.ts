import type { ViewportRect } from './crop';

/** Elements that paint another document (possibly of another site) into this one. */
const EMBEDS = 'iframe, frame, object, embed, portal, fencedframe';
/** Points tried across the element: a 3 × 3 grid, clear of the edges where rounding meets the neighbours. */
const GRID = [0.15, 0.5, 0.85];

function overlaps(a: ViewportRect, b: ViewportRect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Every embedding element in `root` and in the open shadow roots below it. */
function embedsIn(root: Document | ShadowRoot, out: Element[] = []): Element[] {
  out.push(...root.querySelectorAll(EMBEDS));
  for (const host of root.querySelectorAll('*')) if (host.shadowRoot) embedsIn(host.shadowRoot, out);
  return out;
}

/**
 * Whether a screenshot crop of `area` (the element's rectangle grown by the crop's quiet-zone margin) shows
 * `element` and nothing from another document: no frame overlaps the area (a frame can paint over the element
 * with `pointer-events: none`, which hides it from hit testing), and at each point tried over the element's own
 * rectangle the topmost element is the element or something inside it. A crop is the one way the extension
 * reads pixels a page cannot read itself: it must not read a framed page of another site laid over a decoy.
 */
export function isPaintedOnTop(element: Element, rect: ViewportRect, area: ViewportRect): boolean {
  const root = element.getRootNode() as Document | ShadowRoot;
  const doc = element.ownerDocument;
  for (const embed of embedsIn(doc)) {
    const r = embed.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && overlaps({ x: r.left, y: r.top, width: r.width, height: r.height }, area)) return false;
  }
  const view = doc.defaultView;
  if (typeof root.elementsFromPoint !== 'function' || !view) return false;
  for (const fx of GRID) {
    for (const fy of GRID) {
      const x = rect.x + rect.width * fx;
      const y = rect.y + rect.height * fy;
      if (x < 0 || y < 0 || x >= view.innerWidth || y >= view.innerHeight) continue;
      const top = root.elementsFromPoint(x, y)[0];
      if (!top || (top !== element && !element.contains(top))) return false;
    }
  }
  return true;
}
