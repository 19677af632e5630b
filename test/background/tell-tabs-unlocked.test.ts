import { describe, expect, it } from 'vitest';
import { tellTabsUnlocked } from '../../src/background/tell-tabs-unlocked';

describe('tellTabsUnlocked', () => {
  it('tells every tab, and a tab that refuses (no content script there) stops no one', async () => {
    const sent: Array<[number, unknown]> = [];
    const tabs = {
      query: async () => [{ id: 1 }, { id: undefined }, { id: 2 }, { id: 3 }, { id: 4 }],
      sendMessage: (id: number, message: unknown) => {
        sent.push([id, message]);
        if (id === 2) throw new Error('No tab with id: 2.');
        if (id === 3) return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
        return Promise.resolve();
      },
    };
    await expect(tellTabsUnlocked(tabs as never)).resolves.toBeUndefined();
    expect(sent.map(([id]) => id)).toEqual([1, 2, 3, 4]);
    expect(sent.every(([, message]) => JSON.stringify(message) === '{"type":"content.unlocked"}')).toBe(true);
  });
});
