/** A rectangle in window (viewport) pixels, as getBoundingClientRect gives. */
export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

const GAP = 6;
const MARGIN = 8;
const CORNER = 16;

const overlaps = (a: Box, b: Box) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

/**
 * Where a fixed panel of `size` goes for the field at `anchor`: beside it (when asked), below it, above it, or in
 * the window's top right corner — the first that fits in the window without covering another control the person
 * may need (`obstacles`, such as the password field or the form's button). When every place covers something, the
 * first that fits in the window; when none fits, below the field kept inside the window (a fixed panel cut off by
 * the window's edge could never be scrolled to).
 */
export function choosePanelPosition(
  anchor: Box,
  size: { width: number; height: number },
  view: { width: number; height: number },
  obstacles: Box[],
  beside: boolean,
): { top: number; left: number } {
  const left = Math.max(MARGIN, Math.min(anchor.left, view.width - size.width - MARGIN));
  const middle = anchor.top + (anchor.height - size.height) / 2;
  const places = [
    ...(beside ? [{ top: Math.max(MARGIN, Math.min(middle, view.height - MARGIN - size.height)), left: anchor.left + anchor.width + GAP }] : []),
    { top: anchor.top + anchor.height + GAP, left },
    { top: anchor.top - GAP - size.height, left },
    { top: CORNER, left: view.width - size.width - CORNER },
  ];
  const fits = (p: { top: number; left: number }) =>
    p.top >= MARGIN && p.left >= MARGIN && p.top + size.height <= view.height - MARGIN && p.left + size.width <= view.width - MARGIN;
  const clear = (p: { top: number; left: number }) => {
    // Built field by field: a DOMRect's fields are getters, which spreading would not copy.
    const panel = { top: p.top, left: p.left, width: size.width, height: size.height };
    return !overlaps(panel, anchor) && !obstacles.some((o) => overlaps(panel, o));
  };
  const place = places.find((p) => fits(p) && clear(p)) ??
    places.find(fits) ?? { top: Math.max(MARGIN, Math.min(anchor.top + anchor.height + GAP, view.height - MARGIN - size.height)), left };
  return { top: Math.round(place.top), left: Math.round(place.left) };
}
