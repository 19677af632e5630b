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

// Pages use t('key'); the background uses getMessage('key'); the manifest uses __MSG_key__.
const KEY_USES = /\b(?:t|getMessage)\('([A-Za-z0-9_]+)'|__MSG_([A-Za-z0-9_]+)__/g;
const sources = [...ROOTS.flatMap(listSources), 'entrypoints/background.ts', 'wxt.config.ts'];
const used = new Set(sources.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(KEY_USES)].map((m) => (m[1] ?? m[2])!)));
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
