import { t, translate } from '../ui/i18n';
import type { FillAnswer } from '../messages';
import { addButton, addText } from '../page-ui/shadow-panel';
import type { PanelSlot } from './panel-slot';

type Answer<S extends FillAnswer['status']> = Extract<FillAnswer, { status: S }>;

/**
 * Counts down beside the field until the code can be filled; resolves true when the wait ran out, false when the
 * person cancelled it (or another panel took its place).
 */
export async function waitWithCountdown(slot: PanelSlot, anchor: Element, answer: Answer<'wait'>): Promise<boolean> {
  const why = answer.replayWait ? 'panel_wait_replay' : 'panel_wait_fresh';
  const fillAt = Date.now() + answer.waitMs;
  let countdown: HTMLElement | undefined;
  const count = () => {
    const left = t(why, Math.max(1, Math.ceil((fillAt - Date.now()) / 1000)));
    if (countdown) countdown.textContent = answer.notice ? [translate(answer.notice), left].join(' ') : left;
  };
  // Beside the field where there is room, so the form's own buttons stay visible and usable.
  const panel = slot.show(
    t('panel_wait_title'),
    anchor,
    (p) => {
      countdown = addText(p.body, '', 'muted');
      count();
      addButton(p.body, t('cancel'), slot.close);
    },
    'beside',
  );
  const ticker = setInterval(count, 1000);
  await new Promise((resolve) => setTimeout(resolve, answer.waitMs));
  clearInterval(ticker);
  return slot.current() === panel;
}

/** Lists the accounts that fit this site; `choose` gets the one picked. */
export function showChooser(slot: PanelSlot, anchor: Element, answer: Answer<'choose'>, choose: (id: string) => void): void {
  slot.show(t('panel_choose_title'), anchor, (p) => {
    addText(p.body, t(answer.crossOrigin ? 'panel_choose_cross_origin' : 'panel_choose_text'), 'text');
    const list = p.body.ownerDocument.createElement('div');
    list.className = 'list';
    p.body.append(list);
    for (const option of answer.options) {
      addButton(list, option.label || t('account_unnamed'), () => {
        slot.close();
        choose(option.id);
      });
    }
    addButton(addRow(p.body), t('not_now'), slot.close);
  });
}

/** Says the vault is locked, with a button that opens the popup to unlock it. */
export function showUnlockHint(slot: PanelSlot, anchor: Element, openPopup: () => Promise<boolean>): void {
  slot.show(t('panel_unlock_title'), anchor, (p) => {
    const text = addText(p.body, t('panel_unlock_text'), 'text');
    const row = addRow(p.body);
    addButton(row, t('dismiss'), slot.close);
    addButton(
      row,
      t('unlock_submit'),
      () =>
        void openPopup().then(
          (opened) => {
            // Some browsers open the popup only from their own toolbar: say where to go instead of doing nothing.
            if (!opened) text.textContent = t('panel_unlock_toolbar');
          },
          () => undefined,
        ),
      true,
    );
  });
}

function addRow(parent: HTMLElement): HTMLElement {
  const row = parent.ownerDocument.createElement('div');
  row.className = 'row';
  parent.append(row);
  return row;
}
