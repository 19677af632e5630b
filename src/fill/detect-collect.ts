import { isForeignAutocomplete } from './detect-text';

const SHOW_ELEMENT = 0x1;
const FILLABLE_TYPES = new Set(['text', 'tel', 'number', 'password']);

/** The parent element, stepping out of a shadow root to its host. */
export function parentAcrossShadow(node: Node): Element | null {
  if (node.parentElement) return node.parentElement;
  const parent = node.parentNode;
  return parent && 'host' in parent ? (parent as ShadowRoot).host : null;
}

/** Open shadow roots under `root`, nested ones included, in document order. */
export function collectShadowRoots(root: ParentNode): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (scope: ParentNode): void => {
    const doc = (scope as Node).nodeType === 9 ? (scope as Document) : (scope as Node).ownerDocument;
    if (!doc) return;
    // A native TreeWalker is the cheapest full pass (~0.4 ms per 4,000 elements in Chromium); there is no
    // selector for shadow hosts.
    const walker = doc.createTreeWalker(scope as Node, SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const shadow = (node as Element).shadowRoot;
      if (shadow) {
        found.push(shadow);
        visit(shadow);
      }
    }
  };
  visit(root);
  return found;
}

/** All `<input>` elements under `root` and inside the given open shadow roots. */
export function collectAllInputs(root: ParentNode, shadows: ShadowRoot[] = collectShadowRoots(root)): HTMLInputElement[] {
  const inputs = [...root.querySelectorAll('input')];
  for (const shadow of shadows) inputs.push(...shadow.querySelectorAll('input'));
  return inputs;
}

/** An input a code could go into at all: a text-like type, enabled, editable, not another field's autocomplete. */
export function isFillableInput(input: HTMLInputElement): boolean {
  return (
    FILLABLE_TYPES.has(input.type) &&
    !input.disabled &&
    !input.readOnly &&
    !isForeignAutocomplete(input.getAttribute('autocomplete') ?? '')
  );
}

/** Fillable inputs under `root`, shadow roots included. */
export function collectFillableInputs(root: ParentNode, shadows?: ShadowRoot[]): HTMLInputElement[] {
  return collectAllInputs(root, shadows).filter(isFillableInput);
}

/** Very cheap pre-check for a MutationObserver callback: is there any input a code could go into? */
export function hasCandidateInputs(root: ParentNode = document): boolean {
  for (const input of root.querySelectorAll('input')) if (isFillableInput(input)) return true;
  for (const shadow of collectShadowRoots(root)) {
    for (const input of shadow.querySelectorAll('input')) if (isFillableInput(input)) return true;
  }
  return false;
}
