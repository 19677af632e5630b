// Low-level input simulation that frameworks (React, Vue, Angular) accept as user typing.

function viewOf(el: Element): (Window & typeof globalThis) | null {
  return el.ownerDocument.defaultView as (Window & typeof globalThis) | null;
}

/**
 * Sets the value through the native `HTMLInputElement.prototype` setter: React keeps its own setter on the
 * instance to track values, and only notices a change made beneath it.
 */
export function setNativeValue(input: HTMLInputElement, value: string): void {
  const proto = viewOf(input)?.HTMLInputElement?.prototype;
  let setter = proto ? Object.getOwnPropertyDescriptor(proto, 'value')?.set : undefined;
  for (let p = Object.getPrototypeOf(input); !setter && p; p = Object.getPrototypeOf(p)) {
    setter = Object.getOwnPropertyDescriptor(p, 'value')?.set;
  }
  if (setter) setter.call(input, value);
  else input.value = value;
}

/** Dispatches a bubbling `input` event (an InputEvent where supported) as typing or pasting does. */
export function dispatchInput(input: HTMLInputElement, data: string, inputType: string): void {
  const view = viewOf(input);
  const init = { bubbles: true, cancelable: false, composed: true, data, inputType };
  const event = view?.InputEvent ? new view.InputEvent('input', init) : new Event('input', init);
  input.dispatchEvent(event);
}

/** Dispatches a bubbling `change` event, which commits the value for frameworks that listen to it. */
export function dispatchChange(input: HTMLInputElement): void {
  input.dispatchEvent(new (viewOf(input)?.Event ?? Event)('change', { bubbles: true }));
}

/** Dispatches a key event for one digit; returns false when the page cancelled it. */
export function dispatchKey(input: HTMLInputElement, type: 'keydown' | 'keyup', digit: string): boolean {
  const view = viewOf(input);
  const init = { key: digit, code: `Digit${digit}`, bubbles: true, cancelable: true, composed: true };
  const event = view?.KeyboardEvent ? new view.KeyboardEvent(type, init) : new Event(type, init);
  return input.dispatchEvent(event);
}

/** Dispatches a `paste` ClipboardEvent carrying `text`; returns false when the browser cannot build one. */
export function dispatchPaste(input: HTMLInputElement, text: string): boolean {
  const view = viewOf(input);
  if (!view?.ClipboardEvent || !view.DataTransfer) return false;
  try {
    const clipboardData = new view.DataTransfer();
    clipboardData.setData('text/plain', text);
    // Firefox ignores a constructed DataTransfer but honours its older `dataType`/`data` members.
    const init = { clipboardData, dataType: 'text/plain', data: text, bubbles: true, cancelable: true, composed: true };
    const event = new view.ClipboardEvent('paste', init as ClipboardEventInit);
    if (!event.clipboardData) return false;
    if (event.clipboardData.getData('text/plain') !== text) event.clipboardData.setData('text/plain', text);
    input.dispatchEvent(event);
    return true;
  } catch {
    // Engines that refuse a constructed clipboard event still get the code typed box by box.
    return false;
  }
}

/** Focuses without scrolling the page around. */
export function focusQuietly(el: HTMLElement): void {
  el.focus({ preventScroll: true });
}

/** Waits a task so frameworks that re-render after an event (React batches) have updated the DOM. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
