import { useEffect, useState } from 'preact/hooks';
import type { PasskeyStatus } from '../messages';
import { useClient } from './client-context';
import { detectPasskeySupport, type PasskeySupport } from './passkey-ceremony';
import { decidePasskeyOffer, type PasskeyOffer } from './passkey-offer';

/** What the pages know of passkey unlock: the background's status and the browser's support, read together. */
export interface PasskeyState {
  status: PasskeyStatus;
  support: PasskeySupport;
  offer: PasskeyOffer;
}

/**
 * Reads the passkey status from the background and the browser's support, again whenever `version` changes.
 * Undefined while loading, and when the status cannot be read (the passphrase is then the only way, as before).
 */
export function usePasskeyState(version = 0): PasskeyState | undefined {
  const client = useClient();
  const [state, setState] = useState<PasskeyState | undefined>(undefined);
  useEffect(() => {
    let current = true;
    Promise.all([client.request({ type: 'passkey.status' }), detectPasskeySupport(client.passkeyEnvironment())]).then(
      ([status, support]) => {
        if (current) setState({ status, support, offer: decidePasskeyOffer(status, support) });
      },
      () => {
        if (current) setState(undefined);
      },
    );
    return () => {
      current = false;
    };
  }, [client, version]);
  return state;
}
