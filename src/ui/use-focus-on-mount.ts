import { useEffect, useRef } from 'preact/hooks';

/**
 * A ref that focuses its element when it first appears. The `autofocus` attribute is not enough: browsers honour
 * it once per document, so after unlocking (a second screen in the same popup) it would be ignored.
 */
export function useFocusOnMount<T extends HTMLElement>(enabled = true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
  }, [enabled]);
  return ref;
}
