import { readFileSync } from 'node:fs';
import { CHROME_EXTENSION_ID } from '../../src/extension-ids';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../src/extension-ids';
import { parsePolicy } from '../../src/policy/parse-policy';
import { BACKUP_REMINDER_MODES, POLICY_BOOLEAN_KEYS, POLICY_INTEGER_RANGES, POLICY_KEYS } from '../../src/policy/policy-types';

const root = resolve(__dirname, '../..');
const readJson = (path: string) => JSON.parse(readFileSync(resolve(root, path), 'utf8')) as Record<string, any>;
const readText = (path: string) => readFileSync(resolve(root, path), 'utf8');

interface PropertySchema {
  type: string;
  items?: { type: string };
  minimum?: number;
  maximum?: number;
  description?: string;
  title?: string;
}

const schema = readJson('public/managed-schema.json') as { type: string; properties: Record<string, PropertySchema> };

/** The checks Chrome applies to a managed value against the schema subset used here. */
function conformsToSchema(key: string, value: unknown): boolean {
  const property = schema.properties[key];
  if (!property) return false;
  if (property.type === 'boolean') return typeof value === 'boolean';
  if (property.type === 'integer') {
    return Number.isInteger(value) && (value as number) >= (property.minimum ?? -Infinity) && (value as number) <= (property.maximum ?? Infinity);
  }
  if (property.type === 'string') return typeof value === 'string';
  if (property.type === 'array') return Array.isArray(value) && value.every((v) => typeof v === property.items?.type);
  return false;
}

describe('public/managed-schema.json', () => {
  it('is a Chrome managed schema: a top-level object without additionalProperties', () => {
    expect(schema.type).toBe('object');
    expect(Object.keys(schema)).toEqual(['type', 'properties']);
  });

  it('declares exactly the policies the parser knows', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort());
  });

  it('uses only attributes Chrome accepts, with a description for admins', () => {
    const allowed = new Set(['type', 'title', 'description', 'items', 'minimum', 'maximum', 'enum']);
    for (const [key, property] of Object.entries(schema.properties)) {
      for (const attribute of Object.keys(property)) expect(allowed.has(attribute), `${key}.${attribute}`).toBe(true);
      expect(property.description?.length ?? 0, key).toBeGreaterThan(40);
      expect(property.title, key).toBeTruthy();
    }
  });

  it('states the same types as the parser, and names the ranges without enforcing them', () => {
    // Chrome silently drops a value outside a schema's minimum/maximum, which would lift the restriction: the
    // extension checks ranges itself and moves such a value to the nearest bound (fail closed).
    for (const [key, range] of Object.entries(POLICY_INTEGER_RANGES)) {
      expect(schema.properties[key], key).toMatchObject({ type: 'integer' });
      expect(schema.properties[key], key).not.toHaveProperty('minimum');
      expect(schema.properties[key], key).not.toHaveProperty('maximum');
      expect(schema.properties[key]?.description, key).toContain(`${range.min}`);
      expect(schema.properties[key]?.description, key).toContain(`${range.max}`);
    }
    for (const key of POLICY_BOOLEAN_KEYS) expect(schema.properties[key]?.type, key).toBe('boolean');
    expect(schema.properties.allowedSites).toMatchObject({ type: 'array', items: { type: 'string' } });
    // Text, not an enum: Chrome would drop a misspelt word unseen; the extension reads it as "insist" and warns.
    expect(schema.properties.backupReminder).toEqual(expect.objectContaining({ type: 'string' }));
    expect(schema.properties.backupReminder).not.toHaveProperty('enum');
    for (const mode of BACKUP_REMINDER_MODES) expect(schema.properties.backupReminder?.description).toContain(`"${mode}"`);
  });
});

describe('docs/policies examples', () => {
  const chrome = readJson('docs/policies/chrome-linux-policy.json');
  const firefox = readJson('docs/policies/firefox-policies.json').policies;
  const chromeManaged = chrome['3rdparty'].extensions[CHROME_EXTENSION_ID];
  const firefoxManaged = firefox['3rdparty'].Extensions[GECKO_ID];

  it('force-installs and pins the extension in Chrome', () => {
    expect(chrome.ExtensionSettings[CHROME_EXTENSION_ID]).toEqual({
      installation_mode: 'force_installed',
      update_url: expect.stringMatching(/^https:\/\//),
      toolbar_pin: 'force_pinned',
    });
  });

  it('force-installs the extension into the Firefox toolbar under its gecko id', () => {
    expect(firefox.ExtensionSettings[GECKO_ID]).toEqual({
      installation_mode: 'force_installed',
      install_url: expect.stringMatching(/^https:\/\/.*\.xpi$/),
      default_area: 'navbar',
    });
  });

  it.each([
    ['Chrome', () => chromeManaged],
    ['Firefox', () => firefoxManaged],
  ])('%s managed settings set every policy, parse without warnings and conform to the schema', (_name, managed) => {
    const raw = managed();
    expect(Object.keys(raw).sort()).toEqual([...POLICY_KEYS].sort());
    expect(parsePolicy(raw).warnings).toEqual([]);
    for (const [key, value] of Object.entries(raw)) expect(conformsToSchema(key, value), key).toBe(true);
  });

  it('gives both browsers the same managed settings', () => {
    expect(firefoxManaged).toEqual(chromeManaged);
  });

  it('documents every policy in the README and the pilot guide', () => {
    const readme = readText('docs/policies/README.md');
    const guide = readText('docs/pilot-guide.md');
    for (const key of POLICY_KEYS) {
      expect(readme, key).toContain(key);
      expect(guide, key).toContain(key);
    }
    expect(readme).toContain(GECKO_ID);
  });
});
