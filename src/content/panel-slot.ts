import { PortalError } from '../errors';
import { t } from '../ui/i18n';
import { describeUiError } from '../ui/describe-ui-error';
import { addButton, addText, createShadowPanel, type PanelSide, type ShadowPanel } from '../page-ui/shadow-panel';

/** The one panel a frame shows at a time: a new one replaces the last. */
export interface PanelSlot {
  /** Replaces the panel by a new one beside `anchor`, branded, with what `build` adds. */
  show(label: string, anchor: Element, build: (panel: ShadowPanel) => void, side?: PanelSide): ShadowPanel;
  close(): void;
  /** The panel on screen; a caller that showed one compares it later to tell whether it was closed meanwhile. */
  current(): ShadowPanel | undefined;
  /** A message with a Dismiss button. */
  tell(anchor: Element, text: string, title?: string): void;
  /** What went wrong, in the error's own words when it has them. */
  failure(anchor: Element, error: unknown): void;
}

/** Creates the slot for the panels of one document. */
export function createPanelSlot(doc: Document): PanelSlot {
  let panel: ShadowPanel | undefined;
  const close = () => {
    panel?.remove();
    panel = undefined;
  };
  const show: PanelSlot['show'] = (label, anchor, build, side = 'below') => {
    panel?.remove();
    const created = createShadowPanel(label, anchor, doc, side);
    panel = created;
    created.onEscape = close;
    addText(created.body, t('app_name'), 'brand');
    build(created);
    return created;
  };
  const tell: PanelSlot['tell'] = (anchor, text, title = t('app_name')) =>
    void show(title, anchor, (p) => {
      addText(p.body, text, 'text');
      addButton(p.body, t('dismiss'), close);
    });
  return {
    show,
    close,
    current: () => panel,
    tell,
    failure: (anchor, error) => tell(anchor, error instanceof PortalError ? describeUiError(error) : t('panel_fill_failed'), t('panel_fill_failed_title')),
  };
}
