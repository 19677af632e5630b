/** The slice of a browser tab the choice needs. */
export interface TabLike {
  id?: number;
  url?: string;
  /** ms since the epoch the tab was last in front (Chrome 121+, Firefox). */
  lastAccessed?: number;
  index?: number;
}

/** Returns the origin of an http(s) URL, or undefined for anything else (chrome://, file:, about:blank...). */
export function findWebOrigin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

function isMoreRecent(a: TabLike, b: TabLike): boolean {
  const [aTime, bTime] = [a.lastAccessed ?? 0, b.lastAccessed ?? 0];
  // Without lastAccessed (older browsers) the right-most web tab is the best guess.
  return aTime !== bTime ? aTime > bTime : (a.index ?? 0) > (b.index ?? 0);
}

/**
 * The web page the popup should work on when it is open as a tab itself (pinned, or opened by a tester): the active
 * tab is then the popup, so the page meant is the web tab of its window that was in front most recently.
 */
export function pickTargetTab(tabs: TabLike[], selfId: number | undefined): TabLike | undefined {
  let best: TabLike | undefined;
  for (const tab of tabs) {
    if (tab.id === undefined || tab.id === selfId || findWebOrigin(tab.url) === undefined) continue;
    if (!best || isMoreRecent(tab, best)) best = tab;
  }
  return best;
}
