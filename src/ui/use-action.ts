import { useRef, useState } from 'preact/hooks';
import { describeUiError } from './describe-ui-error';

/**
 * One request at a time for a form or a button: `busy` while it runs (a second run meanwhile is ignored), and
 * `error` with the reason in words when it failed. `run` resolves to whether the action succeeded.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const running = useRef(false);
  const run = async (action: () => Promise<void>): Promise<boolean> => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setError('');
    try {
      await action();
      return true;
    } catch (err) {
      setError(describeUiError(err));
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
