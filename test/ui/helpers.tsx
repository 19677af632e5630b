import { render, type ComponentChildren } from 'preact';
import { act } from 'preact/test-utils';
import type { PageRequest, Responses } from '../../src/messages';
import type { UiClient } from '../../src/ui/client';
import type { PasskeyEnvironment } from '../../src/ui/passkey-ceremony';
import { ClientContext } from '../../src/ui/client-context';
export { englishMessages, useEnglishMessages } from '../english-messages';

type Handler = (request: PageRequest) => unknown;

/** A page without WebAuthn: passkey unlock is not offered unless a test gives an environment. */
const NO_WEBAUTHN: PasskeyEnvironment = { protocol: 'chrome-extension:', hostname: 'test-extension-id' };

/** A client whose requests are answered by `handler` and recorded in `calls`. */
export function createFakeClient(handler: Handler, now: () => number = () => Date.now(), passkeys: PasskeyEnvironment = NO_WEBAUTHN) {
  const calls: PageRequest[] = [];
  const copied: string[] = [];
  const client: UiClient = {
    request: (async (request: PageRequest) => {
      calls.push(request);
      return handler(request);
    }) as UiClient['request'],
    activeTab: async () => ({ id: 7, origin: 'https://portal.example.com' }),
    openOptions: async () => {},
    copyText: async (text) => {
      copied.push(text);
    },
    now,
    version: () => '9.9.9',
    passkeyEnvironment: () => passkeys,
  };
  return { client, calls, copied };
}

/** Renders `children` with `client` in context into a fresh container attached to the document. */
export async function mount(children: ComponentChildren, client: UiClient): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  await act(async () => {
    render(<ClientContext.Provider value={client}>{children}</ClientContext.Provider>, container);
  });
  return container;
}

/** Lets pending promises and effects settle inside act(). */
export async function settle(ms = 0): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
}

/** Sets an input's value and fires the event Preact listens to. */
export async function typeInto(element: Element | null, value: string, event = 'input'): Promise<void> {
  if (!element) throw new Error('no element to type into');
  await act(async () => {
    (element as HTMLInputElement).value = value;
    element.dispatchEvent(new Event(event, { bubbles: true }));
  });
}

/** The element with `data-testid=id` inside `root`. */
export function byTestId<T extends Element = HTMLElement>(root: ParentNode, id: string): T | null {
  return root.querySelector<T>(`[data-testid="${id}"]`);
}

/** A typed response, to keep fake handlers honest about the protocol. */
export function reply<T extends keyof Responses>(_type: T, value: Responses[T]): Responses[T] {
  return value;
}

/** Settles until `find` returns something (at most ~20 rounds), then returns it. */
export async function waitFor<T>(find: () => T | null | undefined): Promise<T> {
  for (let round = 0; round < 20; round++) {
    const found = find();
    if (found) return found;
    await settle(1);
  }
  throw new Error('waitFor: nothing appeared');
}
