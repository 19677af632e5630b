// Test helpers: load a fixture page into happy-dom, and measure elements from their styles (happy-dom has no layout).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import type { Measurement } from '../../src/fill/detect-types';
import { measureElement, type ReadBox } from '../../src/fill/detect-measure';

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/forms');

/** Names of all fixture pages. */
export function listFixtures(): string[] {
  return readdirSync(FIXTURE_DIR).filter((name) => name.endsWith('.html')).sort();
}

/** A happy-dom window holding `html`, with the page's own scripts run and declarative shadow roots attached. */
export function loadHtml(html: string, url = 'https://portal.example.com/login'): { window: Window; document: Document } {
  const window = new Window({
    url,
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  });
  const document = window.document as unknown as Document;
  document.write(html);
  // happy-dom's parser does not attach <template shadowrootmode> as browsers do; do it by hand.
  for (const template of [...document.querySelectorAll('template[shadowrootmode]')] as HTMLTemplateElement[]) {
    const host = template.parentElement!;
    const shadow = host.attachShadow({ mode: template.getAttribute('shadowrootmode') as ShadowRootMode });
    shadow.append(template.content.cloneNode(true));
    template.remove();
  }
  return { window, document };
}

/** Loads `test/fixtures/forms/<name>`. */
export function loadFixture(name: string): { window: Window; document: Document } {
  return loadHtml(readFileSync(join(FIXTURE_DIR, name), 'utf8'));
}

const px = (value: string): number | undefined => (/^-?[\d.]+px$/.test(value) ? Number.parseFloat(value) : undefined);

const DEFAULT_SIZE: Record<string, [number, number]> = { INPUT: [150, 24], CANVAS: [300, 150], BUTTON: [80, 24] };

/** Box from computed style sizes (or width/height attributes, or a browser-like default); `hidden` counts as none. */
export const readStyleBox: ReadBox = (el) => {
  const style = el.ownerDocument.defaultView!.getComputedStyle(el);
  if (el.closest('[hidden]') || (el as HTMLInputElement).type === 'hidden') return { width: 0, height: 0, left: 0, top: 0 };
  const [dw, dh] = DEFAULT_SIZE[el.tagName.toUpperCase()] ?? [0, 0];
  const width = px(style.width) ?? (Number(el.getAttribute('width')) || dw);
  const height = px(style.height) ?? (Number(el.getAttribute('height')) || dh);
  const positioned = style.position === 'absolute' || style.position === 'fixed';
  return { width, height, left: positioned ? (px(style.left) ?? 0) : 0, top: positioned ? (px(style.top) ?? 0) : 0 };
};

/** The product's measure with the layout box read from styles: visibility rules are the real ones. */
export const measureFromStyles = (el: Element): Measurement => measureElement(el, readStyleBox);
