import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../src/ui/i18n';
import { IconBack, IconLock, IconPlus, IconSettings } from '../../src/ui/icons';
import type { PopupView } from './popup-view';

/** Props of `PopupHeader`: the view it titles and what its buttons do. */
export interface PopupHeaderProps {
  view: PopupView;
  onBack: () => void;
  onAdd: () => void;
  onLock: () => void;
  onOptions: () => void;
}

/** The popup's title bar. When the view changes (not on opening), the focus moves to its heading, so a keyboard or screen reader user starts there. */
export function PopupHeader({ view, onBack, onAdd, onLock, onOptions }: PopupHeaderProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(view.kind);
  useEffect(() => {
    if (shown.current === view.kind) return;
    shown.current = view.kind;
    // A view that focused its own first field keeps it; otherwise the focus was on a button that is gone.
    const active = heading.current?.ownerDocument.activeElement;
    if (!active || active === active.ownerDocument.body) heading.current?.focus();
  }, [view.kind]);
  const title = view.kind === 'add' ? t('add_title') : view.kind === 'edit' ? t('edit_title') : t('app_name');
  return (
    <header class="bar">
      {view.kind === 'list' ? null : (
        <button type="button" class="icon" data-testid="back" aria-label={t('back')} title={t('back')} onClick={onBack}>
          <IconBack />
        </button>
      )}
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {view.kind === 'list' ? (
        <button type="button" class="icon" data-testid="add-account" aria-label={t('add_title')} title={t('add_title')} onClick={onAdd}>
          <IconPlus />
        </button>
      ) : null}
      <button type="button" class="icon" data-testid="lock" aria-label={t('lock_now')} title={t('lock_now')} onClick={onLock}>
        <IconLock />
      </button>
      <button type="button" class="icon" data-testid="open-options" aria-label={t('open_options')} title={t('open_options')} onClick={onOptions}>
        <IconSettings />
      </button>
    </header>
  );
}
