// Background of a throwaway test extension: scans a tab when its URL ends in #scan and writes the report into the
// page, so Chromium and Firefox tests can read it the same way.
import { describeError } from '../../../src/errors';
import { scanTab, type ScanTabBrowser } from '../../../src/qr/scan-tab';

const api = ((globalThis as { browser?: unknown }).browser ?? (globalThis as { chrome?: unknown }).chrome) as ScanTabBrowser & {
  tabs: { onUpdated: { addListener(cb: (tabId: number, info: { status?: string }, tab: { url?: string }) => void): void } };
  scripting: { executeScript(injection: object): Promise<unknown> };
};

api.tabs.onUpdated.addListener((tabId, info, tab) => {
  if (info.status !== 'complete' || !tab.url?.endsWith('#scan')) return;
  void (async () => {
    const started = performance.now();
    let report: object;
    try {
      report = { ok: true, result: await scanTab(tabId, { browser: api }), ms: performance.now() - started };
    } catch (error) {
      report = { ok: false, error: describeError(error), raw: String(error) };
    }
    await api.scripting.executeScript({
      target: { tabId },
      func: (json: string) => document.documentElement.setAttribute('data-scan-report', json),
      args: [JSON.stringify(report)],
    });
  })();
});
