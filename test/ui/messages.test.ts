import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import messages from '../../public/_locales/en/messages.json';

const ROOTS = ['src/ui', 'entrypoints/popup', 'entrypoints/options'];

function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listSources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const used = new Set(ROOTS.flatMap(listSources).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z0-9_]+)'/g)].map((m) => m[1]!)));
const entries = Object.entries(messages as Record<string, { message: string }>);

describe('English messages', () => {
  it('has every key the pages use, and no unused ones', () => {
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !(key in messages))).toEqual([]);
    expect(entries.map(([key]) => key).filter((key) => !used.has(key))).toEqual([]);
  });

  it('uses only names and substitutions the browsers accept', () => {
    for (const [key, { message }] of entries) {
      expect(key, key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(message.trim(), key).not.toBe('');
      // A lone "$" would be read as a placeholder reference; only $1..$9 are meant.
      expect(message.replace(/\$[1-9]/g, ''), key).not.toContain('$');
    }
  });
});
