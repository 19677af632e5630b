import { t } from '../../src/ui/i18n';
import type { Toast } from './use-toast';

/** Shows the popup's note (announced politely), with Undo when the note is a deletion. */
export function ToastBar({ toast, onUndo }: { toast: Toast; onUndo: (undoToken: string, id: string) => void }) {
  return (
    <div class={toast.error ? 'toast error-toast' : 'toast'} role="status" data-testid="toast">
      <span>{toast.text}</span>
      {toast.undoToken ? (
        <button type="button" data-testid="undo" onClick={() => onUndo(toast.undoToken!, toast.undoId ?? '')}>
          {t('undo')}
        </button>
      ) : null}
    </div>
  );
}
