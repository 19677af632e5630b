import { describe, expect, it } from 'vitest';
import { readManagedPolicy } from '../../src/policy/read-policy';

const area = (get: () => Promise<Record<string, unknown>>) => ({ get });

describe('readManagedPolicy', () => {
  it('gives an empty policy without warnings when there is no managed area', async () => {
    expect(await readManagedPolicy(undefined)).toEqual({ policy: {}, warnings: [] });
    expect(await readManagedPolicy({} as never)).toEqual({ policy: {}, warnings: [] });
  });

  it('gives an empty policy without warnings when nothing is managed (Chrome answers {})', async () => {
    expect(await readManagedPolicy(area(async () => ({})))).toEqual({ policy: {}, warnings: [] });
  });

  it("treats Firefox's missing managed manifest as unmanaged", async () => {
    const firefox = area(async () => {
      throw new Error('Managed storage manifest not found');
    });
    expect(await readManagedPolicy(firefox)).toEqual({ policy: {}, warnings: [] });
  });

  it('asks for every key', async () => {
    const calls: unknown[] = [];
    await readManagedPolicy({
      get: async (...args: unknown[]) => {
        calls.push(args);
        return {};
      },
    });
    expect(calls).toEqual([[null]]);
  });

  it('warns when reading fails for another reason', async () => {
    const broken = area(async () => {
      throw new Error('IO error: policy store is corrupt');
    });
    const { policy, warnings } = await readManagedPolicy(broken);
    // Fails closed: never an empty policy, which would lift every bound the organisation set.
    expect(policy).toEqual({
      allowedSites: [],
      maxAutoLockMinutes: 1,
      allowPlainExport: false,
      allowAutoSubmit: false,
      autoFill: false,
      allowPasskeyUnlock: false,
      requirePasskeyUserVerification: true,
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/could not be read \(IO error: policy store is corrupt\); the strictest settings apply/);
  });

  it('applies the last policy read when a later read fails, and says so', async () => {
    const stored: Record<string, unknown> = {};
    const memory = { get: async (key: string) => ({ [key]: stored[key] }), set: async (items: Record<string, unknown>) => void Object.assign(stored, items) };
    let fail = false;
    const flaky = area(async () => {
      if (fail) throw new Error('IO error: policy store is corrupt');
      return { allowedSites: ['https://portal.example.com'], allowPlainExport: false };
    });
    expect((await readManagedPolicy(flaky, memory)).policy).toEqual({ allowedSites: ['https://portal.example.com'], allowPlainExport: false });
    fail = true;
    const { policy, warnings } = await readManagedPolicy(flaky, memory);
    expect(policy).toEqual({ allowedSites: ['https://portal.example.com'], allowPlainExport: false });
    expect(warnings).toEqual([expect.stringMatching(/could not be read \(IO error: policy store is corrupt\); the last policy read is applied/)]);
  });

  it('warns for a rejection that is not an Error, and for a synchronous throw', async () => {
    const odd = area(() => Promise.reject({ weird: true }));
    expect((await readManagedPolicy(odd)).warnings).toEqual([expect.stringMatching(/could not be read;/)]);
    const sync = {
      get: () => {
        throw new TypeError('managed storage is broken');
      },
    };
    expect((await readManagedPolicy(sync as never)).warnings).toEqual([expect.stringMatching(/could not be read \(managed storage is broken\)/)]);
  });

  it('validates what it reads', async () => {
    const managed = area(async () => ({ autoFill: false, maxAutoLockMinutes: 0, color: 'blue' }));
    const { policy, warnings } = await readManagedPolicy(managed);
    expect(policy).toEqual({ autoFill: false, maxAutoLockMinutes: 1 });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/"maxAutoLockMinutes"/);
    expect(warnings[1]).toMatch(/Unknown policy "color"/);
  });
});
