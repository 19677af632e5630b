import { describe, expect, it } from 'vitest';
import { type Box, choosePanelPosition } from '../../src/page-ui/panel-position';

const view = { width: 1100, height: 800 };
const size = { width: 320, height: 125 };
const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, width, height });
// The classic portal's login form: email, password, one-time code, then the Login button.
const email = box(302, 202, 496, 38);
const password = box(302, 283, 496, 38);
const otp = box(302, 365, 496, 38);
const login = box(302, 470, 80, 38);

describe('choosePanelPosition', () => {
  it('goes below the field when that covers nothing', () => {
    expect(choosePanelPosition(otp, size, view, [email, password], false)).toEqual({ top: 409, left: 302 });
  });

  it('reads sizes and boxes through getters, as a DOMRect has them, and not where the panel was measured', () => {
    // Like a DOMRect: the fields are getters on the prototype (spreading copies none of them), and the measured
    // panel sits where it was placed before (over the password field).
    class RectLike {
      constructor(private readonly r: Box) {}
      get top() { return this.r.top; }
      get left() { return this.r.left; }
      get width() { return this.r.width; }
      get height() { return this.r.height; }
    }
    const measured = new RectLike({ top: 231, left: 302, ...size });
    const rects = [email, password, login].map((b) => new RectLike(b));
    expect(choosePanelPosition(new RectLike(otp), measured, view, rects, false)).toEqual({ top: 16, left: 764 });
  });

  it('goes above when below would cover the form button, and to the corner when above covers the password', () => {
    const shortForm = box(302, 600, 496, 38);
    expect(choosePanelPosition(shortForm, size, view, [box(302, 660, 80, 38)], false)).toEqual({ top: 469, left: 302 });
    expect(choosePanelPosition(otp, size, view, [email, password, login], false)).toEqual({ top: 16, left: 764 });
  });

  it('goes beside the field when asked and there is room, else like any other panel', () => {
    const narrow = box(302, 365, 200, 38);
    expect(choosePanelPosition(narrow, size, view, [password, login], true)).toEqual({ top: 322, left: 508 });
    expect(choosePanelPosition(otp, size, view, [email, password, login], true)).toEqual({ top: 16, left: 764 });
  });

  it('never covers other boxes of a split code beside the first one', () => {
    const boxes = [0, 1, 2, 3, 4, 5].map((i) => box(300 + i * 50, 300, 40, 48));
    const place = choosePanelPosition(boxes[0]!, size, view, boxes.slice(1), true);
    const panel = { ...place, ...size };
    for (const b of boxes) {
      const apart = panel.left >= b.left + b.width || b.left >= panel.left + panel.width || panel.top >= b.top + b.height || b.top >= panel.top + panel.height;
      expect(apart).toBe(true);
    }
  });

  it('when everything covers something, takes the first place that fits in the window', () => {
    const crowded = [box(0, 0, 1100, 360), box(0, 408, 1100, 392)];
    expect(choosePanelPosition(otp, size, view, crowded, false)).toEqual({ top: 409, left: 302 });
  });

  it('keeps the panel inside a window too small for any place', () => {
    const tiny = { width: 400, height: 150 };
    const place = choosePanelPosition(box(40, 60, 300, 38), size, tiny, [], false);
    expect(place.top).toBeGreaterThanOrEqual(8);
    expect(place.top + size.height).toBeLessThanOrEqual(tiny.height - 8);
    expect(place.left + size.width).toBeLessThanOrEqual(tiny.width - 8);
  });
});
