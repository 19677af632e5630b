// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectIdentityHints } from '../../src/content/identity-hints';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('collectIdentityHints', () => {
  it('reads user-name fields and e-mail addresses shown on the page, lower-cased', () => {
    const doc = page(`<p>Signing in as <strong>Bob@Example.com</strong></p>
      <input type="email" name="email" value="carol@example.com" hidden>
      <input name="username" value="dave">`);
    expect(collectIdentityHints(doc).sort()).toEqual(['bob@example.com', 'carol@example.com', 'dave']);
  });

  it('ignores password and code fields and caps the number of hints', () => {
    const many = Array.from({ length: 30 }, (_, i) => `user${i}@example.com`).join(' ');
    const doc = page(`<input type="password" value="hunter2"><input name="otp" value="123456"><p>${many}</p>`);
    const hints = collectIdentityHints(doc);
    expect(hints).not.toContain('hunter2');
    expect(hints).not.toContain('123456');
    expect(hints).toHaveLength(10);
  });
});
