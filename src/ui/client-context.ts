import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { UiClient } from './client';

/** Carries the client down the component tree; pages provide the real one, tests a fake. */
export const ClientContext = createContext<UiClient | undefined>(undefined);

/** The client provided by the nearest `ClientContext.Provider`. */
export function useClient(): UiClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('ClientContext.Provider is missing above this component.');
  return client;
}
