import { useEffect, useState } from 'preact/hooks';

/** A short note under the popup: a result, an error, or a deletion that can be undone. */
export interface Toast {
  text: string;
  undoToken?: string;
  undoId?: string;
  error?: boolean;
}

const TOAST_MS = 5000;

/** The popup's current note and its setter; a note goes away by itself after a few seconds. */
export function useToast(): [Toast | undefined, (toast: Toast | undefined) => void] {
  const [toast, setToast] = useState<Toast | undefined>(undefined);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(undefined), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  return [toast, setToast];
}
