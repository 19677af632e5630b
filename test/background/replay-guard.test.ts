import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createReplayGuard } from '../../src/background/replay-guard';

beforeEach(() => {
  fakeBrowser.reset();
});

const guard = () => createReplayGuard(fakeBrowser.storage.session);

describe('createReplayGuard', () => {
  it('knows nothing about a site before a fill', async () => {
    expect(await guard().stepsFor('https://portal.example.com')).toEqual(new Map());
  });

  it('remembers the last step per site and account, across instances (a restarted worker)', async () => {
    await guard().record('https://portal.example.com', 'a', 100);
    await guard().record('https://portal.example.com', 'b', 7);
    await guard().record('https://other.example.com', 'a', 55);
    expect(await guard().stepsFor('https://portal.example.com')).toEqual(new Map([['a', 100], ['b', 7]]));
    expect(await guard().stepsFor('https://other.example.com')).toEqual(new Map([['a', 55]]));
  });

  it('never moves a step backwards', async () => {
    const g = guard();
    await g.record('https://portal.example.com', 'a', 100);
    await g.record('https://portal.example.com', 'a', 99);
    expect((await g.stepsFor('https://portal.example.com')).get('a')).toBe(100);
    await g.record('https://portal.example.com', 'a', 101);
    expect((await g.stepsFor('https://portal.example.com')).get('a')).toBe(101);
  });

  it('keeps its memory in session storage only, so it is forgotten when the browser closes', async () => {
    await guard().record('https://portal.example.com', 'a', 1);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).toContain('portal.example.com');
  });
});
