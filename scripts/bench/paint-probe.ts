/** What the probe records, in ms since navigation start. */
export interface PaintProbeResult {
  /** The element and its text were in the DOM. */
  dom: number;
  /** The frame after that was painted: next animation frame, then the task after it. */
  frame: number;
  /** Element Timing's render time of the element's text, when the browser reported one. */
  element?: number;
}

/**
 * Source of a script that runs before a page's own scripts and records, relative to navigation start
 * (performance.timeOrigin), when an element matching `selector` whose text matches `textPattern` appears and is
 * painted. The element is marked for Element Timing as soon as it is inserted (before any paint), so the browser
 * itself reports when its text reached the screen. Kept as text: the TypeScript runner would add helper calls the
 * page does not have.
 */
export function paintProbeSource(selector: string, textPattern: string): string {
  return `(() => {
  const pattern = new RegExp(${JSON.stringify(textPattern)});
  const result = {};
  let element;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.identifier === 'portal-bench') element = entry.renderTime || entry.loadTime;
  }).observe({ type: 'element', buffered: true });
  const observer = new MutationObserver(() => {
    const el = document.querySelector(${JSON.stringify(selector)});
    if (!el) return;
    if (!el.hasAttribute('elementtiming')) el.setAttribute('elementtiming', 'portal-bench');
    if (!pattern.test(el.textContent || '')) return;
    observer.disconnect();
    result.dom = performance.now();
    requestAnimationFrame(() => setTimeout(() => {
      result.frame = performance.now();
      setTimeout(() => { window.__benchPaint = { ...result, element }; }, 100);
    }, 0));
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;
}
