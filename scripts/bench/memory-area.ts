/** An in-memory storage area with the browser's get/set/remove shape, for benchmarks outside a browser. */
export function createMemoryArea() {
  const data = new Map<string, unknown>();
  return {
    async get(keys: string | string[] | null): Promise<Record<string, unknown>> {
      const wanted = keys === null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      const out: Record<string, unknown> = {};
      for (const key of wanted) if (data.has(key)) out[key] = structuredClone(data.get(key));
      return out;
    },
    async set(items: Record<string, unknown>): Promise<void> {
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
    },
    async remove(keys: string | string[]): Promise<void> {
      for (const key of Array.isArray(keys) ? keys : [keys]) data.delete(key);
    },
  };
}
