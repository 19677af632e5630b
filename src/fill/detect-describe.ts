import { normalizeText } from './detect-text';

/** Normalised text that names a field: `identifiers` from the markup, `labels` from what the user reads. */
export interface FieldText {
  identifiers: string;
  labels: string;
}

const MAX_LABEL = 200;
const MAX_NEARBY = 80;

function textOf(el: Element | null | undefined, max = MAX_LABEL): string {
  const text = el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return text.length <= max ? text : text.slice(0, max);
}

function byIdInScope(input: Element, id: string): Element | null {
  const scope = input.getRootNode() as Document | ShadowRoot;
  return typeof scope.getElementById === 'function' ? scope.getElementById(id) : null;
}

/** Finds the <label for=...> elements of an input; an index built once per pass is much cheaper than `input.labels`. */
export type LabelLookup = (input: HTMLInputElement) => Iterable<Element>;

/** Builds a LabelLookup that indexes each document or shadow root's labels on first use. */
export function createLabelLookup(): LabelLookup {
  const indexes = new Map<Node, Map<string, Element[]>>();
  return (input) => {
    if (!input.id) return [];
    const scope = input.getRootNode() as ParentNode & Node;
    let index = indexes.get(scope);
    if (!index) {
      index = new Map();
      for (const label of scope.querySelectorAll('label[for]')) {
        const id = label.getAttribute('for') ?? '';
        index.set(id, [...(index.get(id) ?? []), label]);
      }
      indexes.set(scope, index);
    }
    return index.get(input.id) ?? [];
  };
}

const labelsOf: LabelLookup = (input) => input.labels ?? [];

function labelTexts(input: HTMLInputElement, lookup: LabelLookup): string[] {
  const texts: string[] = [];
  for (const label of lookup(input)) texts.push(textOf(label));
  const wrapping = input.closest('label');
  if (wrapping && !texts.length) texts.push(textOf(wrapping));
  for (const id of (input.getAttribute('aria-labelledby') ?? '').split(/\s+/)) {
    if (id) texts.push(textOf(byIdInScope(input, id)));
  }
  return texts;
}

// A caption written just before the field without a <label> (common in hand-made and SPA forms).
function nearbyCaption(input: HTMLInputElement): string {
  for (let node: Element | null = input, depth = 0; node && depth < 2; node = node.parentElement, depth++) {
    const previous = node.previousElementSibling;
    if (previous) {
      if (previous.childElementCount > 4 || previous.matches('input, select, textarea')) return '';
      if (previous.querySelector('input, select, textarea')) return '';
      const text = textOf(previous, MAX_NEARBY + 1);
      return text.length <= MAX_NEARBY ? text : '';
    }
  }
  return '';
}

/** Collects the field's names (id, name, test ids) and labels (aria, <label>, placeholder, title, caption). */
export function describeField(input: HTMLInputElement, lookup: LabelLookup = labelsOf): FieldText {
  const attr = (name: string): string => input.getAttribute(name) ?? '';
  const identifiers = [input.id, attr('name'), attr('data-testid'), attr('data-test'), attr('data-qa'), attr('data-cy')];
  const labels = [attr('aria-label'), attr('placeholder'), attr('title'), ...labelTexts(input, lookup), nearbyCaption(input)];
  // Once each: a <label> just before its field is also its caption, and a text read twice would make phrases across
  // its own ends ("Code de vérification Code…" reads as "verification code").
  return { identifiers: normalizeText(identifiers.join(' ')), labels: normalizeText([...new Set(labels)].join(' ')) };
}
