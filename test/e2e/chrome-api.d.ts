// The slice of the extension API that end-to-end tests evaluate inside extension pages and content scripts
// (the code runs in the browser; these declarations only let it type-check here).
interface ChromeStorageAreaForTests {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown>; id: string };
  storage: { local: ChromeStorageAreaForTests; session: ChromeStorageAreaForTests };
  tabs: {
    query(query: Record<string, unknown>): Promise<Array<{ id?: number; url?: string; active?: boolean; windowId?: number }>>;
    sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
    getCurrent(): Promise<{ id?: number } | undefined>;
    /** The browser's own page zoom of a tab (what Ctrl+Plus does). */
    setZoom(tabId: number, zoomFactor: number): Promise<void>;
  };
};
