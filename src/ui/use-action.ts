import { useRef, useState } from 'preact/hooks';
import { describeUiError } from './describe-ui-error';

/**
 * One request at a time for a form or a button: `busy` while it runs (a second run meanwhile is ignored), and
 * `error` with the reason in words when it failed (`failure` is what was thrown, for the form to tell which field it
 * is about). `run` resolves to whether the action succeeded.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [failure, setFailure] = useState<unknown>(undefined);
  const running = useRef(false);
  const run = async (action: () => Promise<void>): Promise<boolean> => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setError('');
    setFailure(undefined);
    try {
      await action();
      return true;
    } catch (err) {
      setError(describeUiError(err));
      setFailure(err);
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  return { busy, error, failure, setError, run };
}
